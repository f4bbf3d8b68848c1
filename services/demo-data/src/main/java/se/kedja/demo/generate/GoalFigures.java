package se.kedja.demo.generate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

/**
 * The generator's own figure for every goal of the seed projects' definitions
 * (case-service's {@code resources/projects/*.yaml}, in the goal language of
 * {@code docs/goal-language.md}), as it stands on a day: a plain fold over the commands
 * it generated, written from the goal language and not from progress-service's code, so
 * that what the system computes from the events can be checked against it. Every figure
 * comes with its breakdowns by gender and by site.
 */
public final class GoalFigures {

	/** A figure as progress-service answers it: {@code actual} is in the goal's unit. */
	public record Figure(double actual, long met, long of, long pending) {

	}

	/**
	 * A goal's figure and its breakdowns, {@code gender} and {@code site}, by bucket;
	 * {@code kind} and {@code unit} are named as the goal language names them.
	 * {@code considered} is what the figure is out of: the project's participants for a
	 * count, the site-days for a minimum over time, else the decided cases.
	 */
	public record Goal(String kind, String unit, Figure total, Map<String, Map<String, Figure>> breakdowns,
			long considered) {

		/**
		 * Neither nothing nor everything that the goal considers meets it (or falls
		 * short).
		 */
		public boolean discriminates() {
			double figure = this.kind.equals("minimum-over-time") ? this.total.actual() : this.total.met();
			return figure > 0 && figure < this.considered;
		}

	}

	public static final List<String> BREAKDOWNS = List.of("gender", "site");

	private static final Set<String> WORK_EDUCATION_ENTERPRISE = Set.of("EMPLOYMENT", "SUBSIDISED_EMPLOYMENT",
			"EDUCATION", "OWN_ENTERPRISE");

	private static final Set<String> EMPLOYED = Set.of("EMPLOYMENT", "SUBSIDISED_EMPLOYMENT", "OWN_ENTERPRISE");

	private GoalFigures() {
	}

	/** Every goal of every project of {@code generator}, by project and goal id. */
	public static Map<String, Map<String, Goal>> of(DemoGenerator generator, LocalDate asOf) {
		Map<String, Map<String, Goal>> figures = new TreeMap<>();
		for (SeedProject project : generator.projects()) {
			List<Case> cases = generator.histories(project).map(Case::of).toList();
			Map<String, Goal> goals = new TreeMap<>();
			rules(project.id()).forEach((id, rule) -> goals.put(id, tally(rule, cases, asOf)));
			if (project.id().equals("orangeriet")) {
				LocalDate from = generator.shift(project).apply(LocalDate.of(2009, 6, 1));
				LocalDate to = min(generator.period(project).end(), asOf);
				goals.put("site-size", siteMinimum(cases, project.siteIds(), 20, from, to, asOf));
			}
			figures.put(project.id(), goals);
		}
		return figures;
	}

	/** The goals of each project's definition other than minimum-over-time. */
	private static Map<String, Rule> rules(String project) {
		Map<String, Rule> rules = new LinkedHashMap<>();
		switch (project) {
			case "orangeriet" -> {
				rules.put("participants-enrolled", count((c) -> true));
				rules.put("in-work-education-or-enterprise-90-days",
						afterExit(90, WORK_EDUCATION_ENTERPRISE, Unit.PARTICIPANTS));
				rules.put("chances-of-work-increased", share((c) -> answered(c, "chances-of-work-increased", "yes"),
						(c) -> answered(c, "chances-of-work-increased", "yes", "no")));
				rules.put("action-plan-within-30-days", planWithinDays(30));
				rules.put("accessibility-reviewed", accessibilityReviewed());
				rules.putAll(esfCommon());
			}
			case "sesam" -> {
				rules.put("participants", count((c) -> true));
				rules.put("fas3-participants", count((c) -> c.entrySituations.contains("FAS3")));
				rules.put("individual-plan", planWithinDays(30));
				rules.put("close-follow-up-accessibility", accessibilityReviewed());
				rules.putAll(esfCommon());
			}
			case "samverkan-utan-granser" -> {
				rules.put("participants", count((c) -> c.targetGroups.contains("mental-ill-health")
						|| c.targetGroups.contains("long-term-unemployed-immigrants")));
				Set<String> active = new HashSet<>(WORK_EDUCATION_ENTERPRISE);
				active.add("OTHER_ACTIVE_OCCUPATION");
				rules.put("active-exit", afterExit(0, active, Unit.PERCENT));
				rules.put("individual-activities",
						share((c) -> c.started.contains("INTERNSHIP") || c.started.contains("HEALTH")
								|| c.started.contains("EDUCATION") || c.started.contains("WORK_TRAINING"),
								(c) -> true));
				rules.putAll(esfCommon());
			}
			case "mellan-stolarna" -> {
				rules.put("always-one-responsible-actor", responsibleActor());
				rules.put("multi-actor-meetings", share((c) -> c.started.contains("MULTI_ACTOR_MEETING"), (c) -> true));
				rules.put("plan-agreed", planWithinDays(30));
			}
			case "kompetenta-anordnare" -> {
				rules.put("organisations-asked", count((c) -> c.targetGroups.contains("organisation")));
				rules.put("organisations-in-needs-mapping", count(
						(c) -> c.targetGroups.contains("organisation") && answered(c, "needs-mapping", "took-part")));
				rules.put("organisations-in-method-development", count((c) -> c.targetGroups.contains("organisation")
						&& answered(c, "method-development", "took-part")));
				rules.put("supervisors-trained",
						count((c) -> c.targetGroups.contains("supervisor") && c.completed.contains("EDUCATION")));
				rules.put("women-supervisors",
						share((c) -> c.gender.equals("FEMALE"), (c) -> c.targetGroups.contains("supervisor")));
			}
			default -> throw new IllegalArgumentException("No goals known for " + project);
		}
		return rules;
	}

	/** The EU common indicators ({@code indicators: esf-common}). */
	private static Map<String, Rule> esfCommon() {
		Map<String, Rule> rules = new LinkedHashMap<>();
		rules.put("esf-participants", count((c) -> true));
		rules.put("esf-unemployed", count((c) -> c.entrySituations.contains("UNEMPLOYED")
				|| c.entrySituations.contains("LONG_TERM_UNEMPLOYED") || c.entrySituations.contains("FAS3")));
		rules.put("esf-long-term-unemployed",
				count((c) -> c.entrySituations.contains("LONG_TERM_UNEMPLOYED") || c.entrySituations.contains("FAS3")));
		rules.put("esf-inactive", count((c) -> c.entrySituations.contains("INACTIVE")));
		rules.put("esf-below-25", count((c) -> c.age() < 25));
		rules.put("esf-above-54", count((c) -> c.age() > 54));
		rules.put("esf-isced-0-2", count((c) -> "ISCED_0_2".equals(c.isced)));
		rules.put("esf-in-education-upon-leaving", afterExit(0, Set.of("EDUCATION"), Unit.PARTICIPANTS));
		rules.put("esf-employed-upon-leaving", afterExit(0, EMPLOYED, Unit.PARTICIPANTS));
		rules.put("esf-employed-six-months-after", afterExit(180, EMPLOYED, Unit.PARTICIPANTS));
		return rules;
	}

	enum Unit {

		PARTICIPANTS, PERCENT

	}

	/** What one case adds to a goal: met, of and pending, each 0 or 1. */
	private record Part(int met, int of, int pending) {

		static final Part NONE = new Part(0, 0, 0);

	}

	private interface Judge {

		Part of(Case c, LocalDate asOf);

	}

	private record Rule(String kind, Unit unit, Judge judge) {

	}

	private static Rule count(Predicate<Case> where) {
		return new Rule("count", Unit.PARTICIPANTS, (c, asOf) -> where.test(c) ? new Part(1, 0, 0) : Part.NONE);
	}

	private static Rule share(Predicate<Case> numerator, Predicate<Case> denominator) {
		return new Rule("share", Unit.PERCENT,
				(c, asOf) -> denominator.test(c) ? new Part(numerator.test(c) ? 1 : 0, 1, 0) : Part.NONE);
	}

	/**
	 * Of those who exited, the status {@code days} after exit (the outcome at exit for 0)
	 * is one of {@code outcomes}; without a status, pending while the window is open.
	 */
	private static Rule afterExit(int days, Set<String> outcomes, Unit unit) {
		return new Rule("outcome-after", unit, (c, asOf) -> {
			if (c.exitedOn == null) {
				return Part.NONE;
			}
			String status = (days == 0) ? c.outcome : c.afterExit.get(days);
			if (status != null) {
				return new Part(outcomes.contains(status) ? 1 : 0, 1, 0);
			}
			return new Part(0, 1, c.exitedOn.plusDays(days).isBefore(asOf) ? 0 : 1);
		});
	}

	/**
	 * A plan agreed by enrolment + days; pending while due and neither planned nor
	 * exited.
	 */
	private static Rule planWithinDays(int days) {
		return new Rule("quality", Unit.PERCENT, (c, asOf) -> {
			LocalDate due = c.enrolledOn.plusDays(days);
			if (c.planAgreedOn != null) {
				return new Part(c.planAgreedOn.isAfter(due) ? 0 : 1, 1, 0);
			}
			return new Part(0, 1, (c.exitedOn == null && !due.isBefore(asOf)) ? 1 : 0);
		});
	}

	/**
	 * Of cases with a plan or a follow-up, those whose every follow-up reviewed
	 * accessibility (a plan always states its needs).
	 */
	private static Rule accessibilityReviewed() {
		return new Rule("quality", Unit.PERCENT, (c, asOf) -> (c.plans + c.followUps == 0) ? Part.NONE
				: new Part((c.followUpsReviewed == c.followUps) ? 1 : 0, 1, 0));
	}

	private static Rule responsibleActor() {
		return new Rule("quality", Unit.PERCENT,
				(c, asOf) -> (c.exitedOn != null) ? Part.NONE : new Part((c.responsible != null) ? 1 : 0, 1, 0));
	}

	private static boolean answered(Case c, String question, String... answers) {
		String answer = c.answers.get(question);
		return answer != null && List.of(answers).contains(answer);
	}

	private static Goal tally(Rule rule, List<Case> cases, LocalDate asOf) {
		long[] total = new long[3];
		Map<String, Map<String, long[]>> buckets = new LinkedHashMap<>();
		BREAKDOWNS.forEach((breakdown) -> buckets.put(breakdown, new TreeMap<>()));
		for (Case c : cases) {
			Part part = rule.judge().of(c, asOf);
			if (part.equals(Part.NONE)) {
				continue;
			}
			add(total, part);
			add(buckets.get("gender").computeIfAbsent(c.gender, (b) -> new long[3]), part);
			add(buckets.get("site").computeIfAbsent(c.site, (b) -> new long[3]), part);
		}
		Map<String, Map<String, Figure>> breakdowns = new LinkedHashMap<>();
		buckets.forEach((breakdown, counts) -> {
			Map<String, Figure> figures = new TreeMap<>();
			counts.forEach((bucket, count) -> figures.put(bucket, figure(rule.unit(), count)));
			breakdowns.put(breakdown, figures);
		});
		long considered = rule.kind().equals("count") ? cases.size() : total[1] - total[2];
		return new Goal(rule.kind(), (rule.unit() == Unit.PERCENT) ? "percent" : "participants",
				figure(rule.unit(), total), breakdowns, considered);
	}

	private static void add(long[] counts, Part part) {
		counts[0] += part.met();
		counts[1] += part.of();
		counts[2] += part.pending();
	}

	/** A percentage of the decided cases (of − pending), to one decimal. */
	private static Figure figure(Unit unit, long[] counts) {
		long decided = counts[1] - counts[2];
		double actual = (unit == Unit.PARTICIPANTS) ? counts[0]
				: (decided > 0) ? Math.round(1000.0 * counts[0] / decided) / 10.0 : 0;
		return new Figure(actual, counts[0], counts[1], counts[2]);
	}

	/**
	 * Days from {@code from} to {@code to} on which a site had fewer than {@code minimum}
	 * active participants (enrolled on or before the day, not exited before it), summed
	 * over the sites. Each site's bucket holds its days, its active count today as met
	 * and the minimum as of.
	 */
	private static Goal siteMinimum(List<Case> cases, List<String> definedSites, int minimum, LocalDate from,
			LocalDate to, LocalDate asOf) {
		Set<String> sites = new TreeSet<>(definedSites);
		cases.forEach((c) -> sites.add(c.site));
		Map<String, Figure> bySite = new TreeMap<>();
		long breached = 0;
		long siteDays = 0;
		for (String site : sites) {
			List<Case> here = cases.stream().filter((c) -> c.site.equals(site)).toList();
			long days = 0;
			for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
				siteDays++;
				if (activeOn(here, day) < minimum) {
					days++;
				}
			}
			breached += days;
			bySite.put(site, new Figure(days, activeOn(here, asOf), minimum, 0));
		}
		return new Goal("minimum-over-time", "days-breached", new Figure(breached, 0, 0, 0), Map.of("site", bySite),
				siteDays);
	}

	private static long activeOn(List<Case> cases, LocalDate day) {
		return cases.stream()
			.filter((c) -> !day.isBefore(c.enrolledOn) && (c.exitedOn == null || !day.isAfter(c.exitedOn)))
			.count();
	}

	private static LocalDate min(LocalDate a, LocalDate b) {
		return a.isBefore(b) ? a : b;
	}

	/**
	 * One participant as the goals see them, folded from their commands in order; a
	 * correction of the enrolment takes effect as if the enrolment had said so.
	 */
	private static final class Case {

		String gender = "";

		String site = "";

		int birthYear;

		LocalDate enrolledOn = LocalDate.MIN;

		List<String> targetGroups = List.of();

		List<String> entrySituations = List.of();

		@Nullable String isced;

		@Nullable LocalDate exitedOn;

		@Nullable String outcome;

		final Map<Integer, String> afterExit = new HashMap<>();

		@Nullable LocalDate planAgreedOn;

		int plans;

		int followUps;

		int followUpsReviewed;

		final Set<String> started = new HashSet<>();

		final Set<String> completed = new HashSet<>();

		final Map<String, String> activityTypes = new HashMap<>();

		final Map<String, String> answers = new HashMap<>();

		@Nullable String responsible;

		final Map<String, String> transfersTo = new HashMap<>();

		static Case of(ParticipantHistory history) {
			Case c = new Case();
			Map<String, Object> enrolment = new LinkedHashMap<>(history.commands().get(0).body());
			for (DemoCommand command : history.commands()) {
				if (command.command().equals("correction")
						&& "participant-enrolled".equals(command.refs().get("correctsEvent"))) {
					((Map<?, ?>) command.body().get("correctedValues"))
						.forEach((field, value) -> enrolment.put((String) field, value));
				}
			}
			c.enrol(enrolment);
			history.commands().stream().skip(1).forEach(c::apply);
			return c;
		}

		int age() {
			return this.enrolledOn.getYear() - this.birthYear;
		}

		private void enrol(Map<String, Object> body) {
			this.gender = (String) body.get("gender");
			this.site = (String) body.get("siteId");
			this.birthYear = Integer.parseInt(((String) body.get("personnummer")).substring(0, 4));
			this.enrolledOn = date(body, "enrolledOn");
			this.targetGroups = strings(body.get("targetGroups"));
			this.entrySituations = strings(body.get("entrySituations"));
			this.isced = (String) body.get("isced");
			this.responsible = (String) body.get("responsibleActor");
		}

		private void apply(DemoCommand command) {
			Map<String, Object> body = command.body();
			switch (command.command()) {
				case "plan" -> {
					this.plans++;
					if (!Boolean.TRUE.equals(body.get("revision")) && this.planAgreedOn == null) {
						this.planAgreedOn = date(body, "agreedOn");
					}
				}
				case "follow-up" -> {
					this.followUps++;
					if (Boolean.TRUE.equals(body.get("accessibilityReviewed"))) {
						this.followUpsReviewed++;
					}
				}
				case "activity" -> {
					this.started.add((String) body.get("type"));
					this.activityTypes.put((String) body.get("activityId"), (String) body.get("type"));
				}
				case "activity-completion" -> {
					String type = this.activityTypes.get(command.refs().get("activityId"));
					if (type != null && Boolean.TRUE.equals(body.get("asPlanned"))) {
						this.completed.add(type);
					}
				}
				case "transfer" -> this.transfersTo.put((String) body.get("transferId"), (String) body.get("to"));
				case "transfer-acceptance" -> this.responsible = this.transfersTo.get(command.refs().get("transferId"));
				case "exit" -> {
					this.exitedOn = date(body, "exitedOn");
					this.outcome = (String) body.get("outcome");
				}
				case "post-exit-follow-up" ->
					this.afterExit.put(((Number) body.get("daysAfterExit")).intValue(), (String) body.get("status"));
				case "survey-answer" -> this.answers.put((String) body.get("questionKey"), (String) body.get("answer"));
				default -> {
				}
			}
		}

		private static LocalDate date(Map<String, Object> body, String field) {
			return LocalDate.parse((String) body.get(field));
		}

		private static List<String> strings(@Nullable Object list) {
			List<String> strings = new ArrayList<>();
			if (list != null) {
				((List<?>) list).forEach((item) -> strings.add((String) item));
			}
			return strings;
		}

	}

}
