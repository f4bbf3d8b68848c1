package se.kedja.demo.generate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * A participant's history as planned, then put in date order and checked against the
 * rules case-service applies (one plan, no activity while paused, one pending handover,
 * nothing after the exit but follow-ups, answers and corrections, nothing after the
 * cut-off day). A planned request that would be refused is left out, so every command the
 * generator gives is one the API accepts.
 */
final class CaseTimeline {

	private record Planned(LocalDate date, Kind kind, int sequence, Map<String, String> refs,
			Map<String, Object> body) {
	}

	private final List<Planned> planned = new ArrayList<>();

	void add(LocalDate date, Kind kind, Map<String, Object> body) {
		add(date, kind, Map.of(), body);
	}

	void add(LocalDate date, Kind kind, Map<String, String> refs, Map<String, Object> body) {
		this.planned.add(new Planned(date, kind, this.planned.size(), refs, body));
	}

	List<DemoCommand> commands(String project, String participant, LocalDate cutoff) {
		List<Planned> ordered = new ArrayList<>(this.planned);
		ordered
			.sort(Comparator.comparing(Planned::date).thenComparing(Planned::kind).thenComparingInt(Planned::sequence));
		Rules rules = new Rules();
		List<DemoCommand> commands = new ArrayList<>();
		for (Planned step : ordered) {
			if (!step.date().isAfter(cutoff) && rules.accept(step)) {
				commands.add(new DemoCommand(step.kind().command(), project, participant, commands.size(), step.refs(),
						step.body()));
			}
		}
		return commands;
	}

	/**
	 * What case-service's participant aggregate checks, as far as a generator can break
	 * it.
	 */
	private static final class Rules {

		private boolean enrolled;

		private @Nullable LocalDate exitedOn;

		private boolean paused;

		private boolean planAgreed;

		private final Set<String> planGoals = new HashSet<>();

		private final Set<String> openActivities = new HashSet<>();

		private @Nullable String pendingTransfer;

		private @Nullable String pendingTo;

		private @Nullable String responsible;

		private final Set<String> consented = new HashSet<>();

		private final Set<Object> postExitFollowUps = new HashSet<>();

		boolean accept(Planned step) {
			Map<String, Object> body = step.body();
			if (step.kind() == Kind.ENROL) {
				if (this.enrolled) {
					return false;
				}
				this.enrolled = true;
				this.responsible = (String) body.get("responsibleActor");
				return true;
			}
			if (!this.enrolled) {
				return false;
			}
			boolean active = this.exitedOn == null;
			return switch (step.kind()) {
				case PLAN -> active && plan(body);
				case ACTIVITY -> active && !this.paused && this.openActivities.add((String) body.get("activityId"));
				case ACTIVITY_COMPLETION -> active && this.openActivities.remove(step.refs().get("activityId"));
				case FOLLOW_UP -> active && followUp(body);
				case REFERRAL -> active && this.consented.contains((String) body.get("to"));
				case TRANSFER -> active && transfer(body);
				case TRANSFER_ACCEPTANCE -> active && answer(step.refs().get("transferId"), true);
				case TRANSFER_REJECTION -> active && answer(step.refs().get("transferId"), false);
				case PAUSE -> active && !this.paused && (this.paused = true);
				case RESUMPTION -> active && this.paused && !(this.paused = false);
				case EXIT -> active && exit(step.date());
				case POST_EXIT_FOLLOW_UP -> postExit(step.date(), body);
				case CONSENT -> this.consented.addAll(actors(body));
				case CONSENT_WITHDRAWAL ->
					this.consented.containsAll(actors(body)) && this.consented.removeAll(actors(body));
				case SURVEY_ANSWER, CORRECTION -> true;
				case ENROL -> false;
			};
		}

		private boolean plan(Map<String, Object> body) {
			boolean revision = Boolean.TRUE.equals(body.get("revision"));
			if (revision != this.planAgreed) {
				return false;
			}
			this.planAgreed = true;
			this.planGoals.clear();
			for (Object goal : (List<?>) body.get("goals")) {
				this.planGoals.add((String) ((Map<?, ?>) goal).get("key"));
			}
			return true;
		}

		private boolean followUp(Map<String, Object> body) {
			for (Object progress : (List<?>) body.get("progress")) {
				if (!this.planGoals.contains((String) ((Map<?, ?>) progress).get("goalKey"))) {
					return false;
				}
			}
			return true;
		}

		private boolean transfer(Map<String, Object> body) {
			String to = (String) body.get("to");
			if (this.pendingTransfer != null || to.equals(this.responsible)
					|| (!this.consented.contains(to) && body.get("consentOverrideReason") == null)) {
				return false;
			}
			this.pendingTransfer = (String) body.get("transferId");
			this.pendingTo = to;
			return true;
		}

		private boolean answer(@Nullable String transferId, boolean accepted) {
			if (transferId == null || !transferId.equals(this.pendingTransfer)) {
				return false;
			}
			if (accepted) {
				this.responsible = this.pendingTo;
			}
			this.pendingTransfer = null;
			this.pendingTo = null;
			return true;
		}

		private boolean exit(LocalDate date) {
			this.exitedOn = date;
			return true;
		}

		private boolean postExit(LocalDate date, Map<String, Object> body) {
			LocalDate exited = this.exitedOn;
			Object days = body.get("daysAfterExit");
			return exited != null && !date.isBefore(exited.plusDays(((Number) days).longValue()))
					&& this.postExitFollowUps.add(days);
		}

		private static List<String> actors(Map<String, Object> body) {
			List<String> actors = new ArrayList<>();
			for (Object actor : (List<?>) body.get("actors")) {
				actors.add((String) actor);
			}
			return actors;
		}

	}

	static Map<String, Object> body(Object... keysAndValues) {
		Map<String, Object> body = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			Object value = keysAndValues[i + 1];
			if (value != null) {
				body.put((String) keysAndValues[i], (value instanceof LocalDate date) ? date.toString() : value);
			}
		}
		return body;
	}

}
