package se.kedja.demo.generate;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import static se.kedja.demo.generate.CaseTimeline.body;

/**
 * The history of a job-seeking participant, as the four seed projects for job-seekers run
 * it: interview and enrolment, consent, an individual plan with accessibility needs,
 * activities, regular follow-ups, now and then a pause, a referral or a handover, the
 * exit, a survey answer and the follow-up 90 days later. A {@link Profile} holds what
 * differs between the projects.
 */
final class Jobseekers implements SeedProject {

	static final List<String> WORK_EDUCATION_ENTERPRISE = List.of("EMPLOYMENT", "SUBSIDISED_EMPLOYMENT", "EDUCATION",
			"OWN_ENTERPRISE");

	/**
	 * @param intake when participant {@code index} of {@code count} enrols, as a fraction
	 * of the period
	 * @param sites site id to weight
	 * @param municipalities site id to the municipality codes it serves
	 * @param actors the actors a participant consents to sharing with
	 * @param firstResponsible site id to the actor responsible at enrolment
	 * @param stayWeeks how long a participant who completes stays, from and to
	 * @param followUpDays days between follow-ups, from and to
	 * @param workAtExit chance that a participant who completes leaves for work,
	 * education or an enterprise
	 * @param handover chances of a handover, of it being rejected, and of it never being
	 * answered
	 * @param longSilence chance of a long stretch without follow-up
	 */
	record Profile(String id, LocalDate seedStart, LocalDate seedEnd, int defaultParticipants, IntakeRule intake,
			Map<String, Double> sites, Map<String, List<String>> municipalities, Function<Dice, Group> group,
			double femaleShare, int minAge, int maxAge, List<String> actors, Map<String, String> firstResponsible,
			List<String> activityTypes, int[] stayWeeks, int[] followUpDays, double dropout, double pause,
			double workAtExit, double otherActiveAtExit, double chancesIncreased, double[] handover, double longSilence,
			boolean postExitFollowUp) {
	}

	/**
	 * When participant {@code index} of {@code count} enrols, as a fraction of the
	 * period.
	 */
	interface IntakeRule {

		double at(int index, int count, Dice dice);

	}

	/** Who the participant is for the funder's statistics. */
	record Group(List<String> targetGroups, List<String> entrySituations, boolean foreignBackground,
			int minMonthsWithoutWork, int maxMonthsWithoutWork) {
	}

	private final Profile profile;

	Jobseekers(Profile profile) {
		this.profile = profile;
	}

	@Override
	public String id() {
		return this.profile.id();
	}

	@Override
	public LocalDate seedStart() {
		return this.profile.seedStart();
	}

	@Override
	public LocalDate seedEnd() {
		return this.profile.seedEnd();
	}

	@Override
	public int defaultParticipants() {
		return this.profile.defaultParticipants();
	}

	@Override
	public List<String> siteIds() {
		return List.copyOf(this.profile.sites().keySet());
	}

	@Override
	public void plan(int index, int count, Dice dice, Period period, CaseTimeline timeline) {
		Profile p = this.profile;
		LocalDate enrolled = Dice.weekday(period.at(p.intake().at(index, count, dice)));
		List<String> siteIds = siteIds();
		String site = dice.weighted(siteIds, siteIds.stream().mapToDouble(p.sites()::get).toArray());
		Group group = p.group().apply(dice);
		int age = dice
			.weighted(
					List.of(dice.between(p.minAge(), Math.max(p.minAge(), 29)),
							dice.between(Math.max(30, p.minAge()), 49), dice.between(50, p.maxAge())),
					(p.minAge() < 30) ? 0.3 : 0, 0.45, 0.25);
		People person = People.of(dice, index, p.id(), enrolled, age, p.femaleShare(), group.foreignBackground());
		String responsible = p.firstResponsible().get(site);
		String coach = "coach-" + site + "-" + dice.between(1, 3);
		boolean consentToStatistics = dice.chance(0.96);
		@Nullable Boolean disability = consentToStatistics && dice.chance(0.7) ? dice.chance(0.22) : null;
		timeline.add(enrolled, Kind.ENROL,
				body("name", person.name(), "personnummer", person.personnummer(), "siteId", site, "coachId", coach,
						"responsibleActor", responsible, "enrolledOn", enrolled, "gender", person.gender(),
						"municipality", dice.pick(p.municipalities().get(site)), "targetGroups", group.targetGroups(),
						"entrySituations", group.entrySituations(), "monthsWithoutWork",
						dice.between(group.minMonthsWithoutWork(), group.maxMonthsWithoutWork()), "isced",
						dice.weighted(List.of("ISCED_0_2", "ISCED_3_4", "ISCED_5_8"), 0.42, 0.43, 0.15), "disability",
						disability, "foreignBackground", group.foreignBackground(), "consentToStatistics",
						consentToStatistics));
		List<String> consented = new ArrayList<>(p.actors());
		timeline.add(enrolled, Kind.CONSENT, body("givenOn", enrolled, "actors", consented));

		boolean dropsOut = dice.chance(p.dropout());
		int stayDays = dropsOut ? dice.between(14, 120) : 7 * dice.between(p.stayWeeks()[0], p.stayWeeks()[1]);
		LocalDate exit = Dice.weekday(enrolled.plusDays(stayDays));
		boolean projectEnds = !exit.isBefore(period.end());
		if (projectEnds) {
			exit = Dice.weekday(period.end().minusDays(dice.between(3, 10)));
		}

		boolean neverPlanned = dropsOut && dice.chance(0.25);
		LocalDate planned = dice.chance(0.88) ? dice.after(enrolled, 5, 28) : dice.after(enrolled, 31, 55);
		List<Map<String, Object>> goals = planGoals(dice, group);
		List<String> activityTypes = new ArrayList<>();
		int activities = dice.between(2, 4);
		for (int i = 0; i < activities; i++) {
			activityTypes.add(dice.pick(p.activityTypes()));
		}
		if (!neverPlanned) {
			timeline.add(planned, Kind.PLAN, body("agreedOn", planned, "goals", goals, "plannedActivities",
					activityTypes.stream().map((type) -> Map.<String, Object>of("type", type)).toList(),
					"accessibilityNeeds", accessibilityNeeds(dice, disability), "agreedWith", List.of(responsible)));
			if (dice.chance(0.15)) {
				LocalDate revised = dice.after(planned, 40, 120);
				List<Map<String, Object>> more = new ArrayList<>(goals);
				more.add(Map.of("key", "g" + (goals.size() + 1), "area", "WORK"));
				timeline.add(revised, Kind.PLAN, body("agreedOn", revised, "goals", more, "plannedActivities",
						List.of(), "accessibilityNeeds", accessibilityNeeds(dice, disability), "revision", true));
			}
			activities(dice, timeline, planned, exit, activityTypes, consented);
		}
		followUps(dice, timeline, enrolled, neverPlanned ? null : planned, exit, goals);
		pause(dice, timeline, enrolled, exit);
		if (dice.chance(0.18)) {
			LocalDate referred = dice.after(enrolled, 20, Math.max(21, stayDays - 10));
			timeline.add(referred, Kind.REFERRAL,
					body("referredOn", referred, "to", dice.pick(consented), "purpose", dice.weighted(
							List.of("HEALTH_CARE", "REHABILITATION", "ASSESSMENT", "EDUCATION", "FINANCIAL_SUPPORT"),
							0.35, 0.25, 0.2, 0.1, 0.1)));
		}
		handovers(dice, timeline, enrolled, exit, responsible, consented);
		if (dice.chance(0.02)) {
			LocalDate withdrawn = dice.after(enrolled, 30, Math.max(31, stayDays));
			timeline.add(withdrawn, Kind.CONSENT_WITHDRAWAL,
					body("withdrawnOn", withdrawn, "actors", List.of(consented.get(consented.size() - 1))));
		}
		exit(dice, timeline, exit, dropsOut, projectEnds);
		if (dice.chance(0.03)) {
			LocalDate corrected = dice.after(enrolled, 7, 45);
			timeline.add(corrected, Kind.CORRECTION, Map.of("correctsEvent", "participant-enrolled"),
					body("correctedValues",
							Map.of("monthsWithoutWork",
									Integer.toString(
											dice.between(group.minMonthsWithoutWork(), group.maxMonthsWithoutWork()))),
							"correctedOn", corrected, "reason", "Fel antal månader utan arbete vid inskrivningen"));
		}
	}

	private static List<Map<String, Object>> planGoals(Dice dice, Group group) {
		List<String> areas = new ArrayList<>(List.of("WORK"));
		if (group.targetGroups().contains("mental-ill-health") || dice.chance(0.3)) {
			areas.add("HEALTH");
		}
		if (group.foreignBackground() && dice.chance(0.7)) {
			areas.add("LANGUAGE");
		}
		if (dice.chance(0.3)) {
			areas.add(dice.pick(List.of("EDUCATION", "SOCIAL_LIFE", "ECONOMY", "HOUSING")));
		}
		List<Map<String, Object>> goals = new ArrayList<>();
		for (int i = 0; i < areas.size(); i++) {
			goals.add(body("key", "g" + (i + 1), "area", areas.get(i)));
		}
		return goals;
	}

	private static List<Map<String, Object>> accessibilityNeeds(Dice dice, @Nullable Boolean disability) {
		double chance = Boolean.TRUE.equals(disability) ? 0.8 : 0.12;
		List<Map<String, Object>> needs = new ArrayList<>();
		for (String area : List.of("PHYSICAL", "COMMUNICATIVE", "INFORMATIVE")) {
			if (dice.chance(chance / 2)) {
				needs.add(body("area", area, "adapted", dice.chance(0.85)));
			}
		}
		return needs;
	}

	private void activities(Dice dice, CaseTimeline timeline, LocalDate planned, LocalDate exit, List<String> types,
			List<String> actors) {
		long span = Math.max(1, ChronoUnit.DAYS.between(planned, exit));
		for (String type : types) {
			LocalDate started = Dice.weekday(planned.plusDays(dice.between(1, (int) Math.max(2, span * 2 / 3))));
			String id = dice.uuid().toString();
			@Nullable List<String> taking = type.equals("MULTI_ACTOR_MEETING") ? actors : null;
			timeline.add(started, Kind.ACTIVITY,
					body("activityId", id, "type", type, "startedOn", started, "actorsTakingPart", taking));
			LocalDate completed = type.equals("MULTI_ACTOR_MEETING") ? started : dice.after(started, 14, 110);
			if (completed.isBefore(exit) || completed.equals(exit)) {
				timeline.add(completed, Kind.ACTIVITY_COMPLETION, Map.of("activityId", id),
						body("completedOn", completed, "asPlanned", dice.chance(0.85)));
			}
		}
		if (this.profile.activityTypes().contains("MULTI_ACTOR_MEETING") && dice.chance(0.5)) {
			LocalDate met = Dice.weekday(planned.plusDays(dice.between(20, (int) Math.max(21, span))));
			String id = dice.uuid().toString();
			timeline.add(met, Kind.ACTIVITY, body("activityId", id, "type", "MULTI_ACTOR_MEETING", "startedOn", met,
					"actorsTakingPart", actors));
			timeline.add(met, Kind.ACTIVITY_COMPLETION, Map.of("activityId", id),
					body("completedOn", met, "asPlanned", true));
		}
	}

	private void followUps(Dice dice, CaseTimeline timeline, LocalDate enrolled, @Nullable LocalDate planned,
			LocalDate exit, List<Map<String, Object>> goals) {
		int[] every = this.profile.followUpDays();
		@Nullable LocalDate silentFrom = dice.chance(this.profile.longSilence()) ? dice.after(enrolled, 20, 120) : null;
		@Nullable LocalDate silentTo = (silentFrom != null) ? silentFrom.plusDays(dice.between(65, 130)) : null;
		long total = Math.max(1, ChronoUnit.DAYS.between(enrolled, exit));
		LocalDate next = dice.after(enrolled, every[0], every[1]);
		while (next.isBefore(exit)) {
			boolean silent = silentFrom != null && !next.isBefore(silentFrom) && next.isBefore(silentTo);
			if (!silent) {
				double through = ChronoUnit.DAYS.between(enrolled, next) / (double) total;
				List<Map<String, Object>> progress = new ArrayList<>();
				if (planned != null && next.isAfter(planned)) {
					for (Map<String, Object> goal : goals) {
						progress.add(body("goalKey", goal.get("key"), "level", level(dice, through)));
					}
				}
				timeline.add(next, Kind.FOLLOW_UP, body("heldOn", next, "progress", progress, "accessibilityReviewed",
						dice.chance(0.96), "ownAssessment",
						dice.weighted(List.of("BETTER", "UNCHANGED", "WORSE", "NOT_STATED"), 0.45, 0.33, 0.1, 0.12)));
			}
			next = dice.after(next, every[0], every[1]);
		}
	}

	private static String level(Dice dice, double through) {
		if (dice.chance(0.03)) {
			return "ABANDONED";
		}
		List<String> levels = List.of("NOT_STARTED", "STARTED", "HALFWAY", "NEARLY_THERE", "ACHIEVED");
		int at = (int) Math.min(4, Math.max(0, Math.round(through * 4 + dice.between(-1, 1))));
		return levels.get(at);
	}

	private static void pause(Dice dice, CaseTimeline timeline, LocalDate enrolled, LocalDate exit) {
		if (!dice.chance(0.1)) {
			return;
		}
		LocalDate paused = dice.after(enrolled, 30, 150);
		timeline.add(paused, Kind.PAUSE,
				body("pausedOn", paused, "reason", dice.weighted(
						List.of("SICKNESS", "PARENTAL_LEAVE", "CARE_OF_RELATIVE", "TEMPORARY_WORK", "HOLIDAY", "OTHER"),
						0.45, 0.2, 0.1, 0.1, 0.05, 0.1)));
		LocalDate resumed = dice.after(paused, 14, 70);
		if (resumed.isBefore(exit)) {
			timeline.add(resumed, Kind.RESUMPTION, body("resumedOn", resumed));
		}
	}

	private void handovers(Dice dice, CaseTimeline timeline, LocalDate enrolled, LocalDate exit, String responsible,
			List<String> consented) {
		double[] handover = this.profile.handover();
		if (consented.size() < 2) {
			return;
		}
		LocalDate next = dice.after(enrolled, 10, 60);
		String current = responsible;
		int attempts = 0;
		while (attempts < 3 && next.isBefore(exit) && dice.chance(handover[0] / (attempts + 1))) {
			attempts++;
			String to = current;
			while (to.equals(current)) {
				to = dice.pick(consented);
			}
			String id = dice.uuid().toString();
			timeline.add(next, Kind.TRANSFER, body("transferId", id, "requestedOn", next, "to", to));
			double roll = dice.between(0, 999) / 1000.0;
			if (roll < handover[2]) {
				return;
			}
			if (roll < handover[2] + handover[1]) {
				LocalDate rejected = dice.after(next, 2, 12);
				timeline.add(rejected, Kind.TRANSFER_REJECTION, Map.of("transferId", id),
						body("rejectedOn", rejected, "reason",
								dice.weighted(List.of("NO_CAPACITY", "OUTSIDE_REMIT", "NOT_IN_TARGET_GROUP", "OTHER"),
										0.35, 0.35, 0.2, 0.1)));
				next = dice.after(rejected, 7, 30);
			}
			else {
				LocalDate accepted = dice.after(next, 0, 14);
				timeline.add(accepted, Kind.TRANSFER_ACCEPTANCE, Map.of("transferId", id),
						body("acceptedOn", accepted));
				current = to;
				next = dice.after(accepted, 30, 120);
			}
		}
	}

	private void exit(Dice dice, CaseTimeline timeline, LocalDate exit, boolean dropsOut, boolean projectEnds) {
		String reason;
		String outcome;
		if (dropsOut) {
			reason = dice.weighted(List.of("OWN_CHOICE", "ILLNESS", "MOVED", "LOST_CONTACT", "REFERRED_ON"), 0.3, 0.25,
					0.1, 0.25, 0.1);
			outcome = switch (reason) {
				case "ILLNESS" -> "SICK";
				case "MOVED" -> "MOVED";
				case "LOST_CONTACT" -> "UNKNOWN";
				case "REFERRED_ON" -> "OTHER_ACTIVE_OCCUPATION";
				default -> dice.chance(0.3) ? dice.pick(WORK_EDUCATION_ENTERPRISE) : "JOB_SEEKING";
			};
		}
		else {
			double roll = dice.between(0, 999) / 1000.0;
			outcome = (roll < this.profile.workAtExit())
					? dice.weighted(WORK_EDUCATION_ENTERPRISE, 0.42, 0.28, 0.22, 0.08)
					: (roll < this.profile.workAtExit() + this.profile.otherActiveAtExit()) ? "OTHER_ACTIVE_OCCUPATION"
							: dice.weighted(List.of("JOB_SEEKING", "SICK"), 0.8, 0.2);
			reason = projectEnds ? "PROJECT_ENDED" : WORK_EDUCATION_ENTERPRISE.contains(outcome) && dice.chance(0.3)
					? "GOAL_REACHED_EARLY" : "PLAN_COMPLETED";
		}
		timeline.add(exit, Kind.EXIT, body("exitedOn", exit, "reason", reason, "outcome", outcome));
		if (!reason.equals("LOST_CONTACT") && dice.chance(0.88)) {
			timeline.add(exit, Kind.SURVEY_ANSWER, body("answeredOn", exit, "questionKey", "chances-of-work-increased",
					"answer", dice.chance(this.profile.chancesIncreased()) ? "yes" : "no"));
		}
		if (!this.profile.postExitFollowUp() || dice.chance(0.07)) {
			return;
		}
		LocalDate followedUp = dice.chance(0.9) ? exit.plusDays(90 + dice.between(0, 14))
				: exit.plusDays(105 + dice.between(0, 14));
		String status = switch (outcome) {
			case "MOVED" -> "MOVED";
			case "UNKNOWN" -> dice.chance(0.5) ? "UNKNOWN" : "JOB_SEEKING";
			default -> WORK_EDUCATION_ENTERPRISE.contains(outcome) ? (dice.chance(0.92) ? outcome : "JOB_SEEKING")
					: (dice.chance(0.25) ? dice.weighted(WORK_EDUCATION_ENTERPRISE, 0.4, 0.3, 0.25, 0.05) : outcome);
		};
		timeline.add(followedUp, Kind.POST_EXIT_FOLLOW_UP,
				body("daysAfterExit", 90, "followedUpOn", followedUp, "status", status));
	}

}
