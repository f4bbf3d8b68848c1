package se.kedja.progress.intake;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.jspecify.annotations.Nullable;

import se.kedja.events.EventEnvelope;
import se.kedja.events.cases.CaseEvent;
import se.kedja.events.json.EventJson;
import se.kedja.progress.fixtures.CaseGenerator;
import se.kedja.progress.fixtures.NaiveFigures;
import se.kedja.progress.fixtures.TestProject;
import se.kedja.progress.goals.Breach;
import se.kedja.progress.goals.Contributions;
import se.kedja.progress.goals.Goal;
import se.kedja.progress.goals.GoalEvaluator;
import se.kedja.progress.goals.GoalParser;
import se.kedja.progress.goals.GoalProgress.Exceptions;
import se.kedja.progress.goals.ProjectGoals;
import se.kedja.progress.goals.QualityRules;
import se.kedja.progress.goals.TallyKey;
import se.kedja.progress.projects.ProjectCatalog;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever order the topic delivers the cases in — each participant's events in their
 * order, participants interleaved at random, some events delivered again as after a
 * publisher crash — the maintained figures and read models equal the naive fold of every
 * case from the start, and the quality exceptions on any day are those a naive fold over
 * the raw events finds. The projection's steps are those of {@link CaseEventProjection}
 * without the database: the dedupe key, the stored history sorted by sequence, the fold
 * before and after, the counters moved by the difference and the case's exceptions
 * replaced.
 */
class DeliveryOrderPropertiesTest {

	private static final String PROJECT = "testprojektet";

	private static final EventJson JSON = new EventJson();

	private static final List<Goal> GOALS = TestProject.goals()
		.stream()
		.flatMap((definition) -> GoalParser.parse(ProjectCatalog.toSpec(definition), definition.id()).stream())
		.toList();

	private final ParticipantFold fold = new ParticipantFold(JSON);

	@Property(tries = 100)
	void any_delivery_order_with_duplicates_gives_the_naive_figures(@ForAll long seed,
			@ForAll @IntRange(min = 1, max = 12) int participants, @ForAll @IntRange(min = 0, max = 30) int resends,
			@ForAll @IntRange(min = 0, max = 1000) int day) {
		List<List<EventEnvelope<CaseEvent>>> cases = new CaseGenerator(seed, PROJECT, TestProject.SITES,
				TestProject.START, TestProject.END.minusMonths(3))
			.cases(participants);
		List<EventEnvelope<CaseEvent>> delivered = deliveries(cases, new Random(seed), resends);

		Projection projection = new Projection();
		delivered.forEach(projection::apply);

		Map<TallyKey, Long> naive = new TreeMap<>();
		Map<UUID, Participant> naiveParticipants = new HashMap<>();
		List<Breach> naiveBreaches = new ArrayList<>();
		for (List<EventEnvelope<CaseEvent>> history : cases) {
			Participant participant = this.fold.fold(history);
			if (participant != null) {
				naiveParticipants.put(history.get(0).payload().participantId().value(), participant);
			}
			Contributions.of(GOALS, participant).forEach((key, value) -> naive.merge(key, value, Long::sum));
			naiveBreaches.addAll(QualityRules.breaches(GOALS, participant));
		}
		naive.values().removeIf((value) -> value == 0);
		naiveBreaches.sort(QualityRules.LISTED);
		assertThat(projection.participants).isEqualTo(naiveParticipants);
		assertThat(projection.tallies()).isEqualTo(naive);
		assertThat(projection.breaches()).isEqualTo(naiveBreaches);

		LocalDate today = aroundAPlanDueDay(cases, day);
		NaiveFigures raw = new NaiveFigures(cases, TestProject.START, TestProject.END, today);
		Map<String, Exceptions> exceptions = exceptionsOn(projection, today);
		assertThat(listed(exceptions)).isEqualTo(raw.exceptions);
		exceptions.forEach((goalId, goal) -> assertThat(goal.count()).as(goalId)
			.isEqualTo(raw.exceptions.getOrDefault(goalId, List.of()).size()));
	}

	/**
	 * Each quality goal's exceptions as the dashboard shows them on {@code day}: counted
	 * from the maintained counters, listed from the maintained rows.
	 */
	private static Map<String, Exceptions> exceptionsOn(Projection projection, LocalDate day) {
		ProjectGoals project = new ProjectGoals(PROJECT, "Testprojektet", TestProject.START, TestProject.END,
				TestProject.SITES, GOALS, Map.of());
		Map<String, Exceptions> exceptions = new TreeMap<>();
		GoalEvaluator.evaluate(project, projection.tallies(), QualityRules.listedOn(projection.breaches(), day), day)
			.stream()
			.filter((goal) -> goal.exceptions() != null)
			.forEach((goal) -> exceptions.put(goal.id(), goal.exceptions()));
		return exceptions;
	}

	/**
	 * The day before, of or after some case's plan due day (enrolment + 30), where a case
	 * without a plan turns from pending to an exception.
	 */
	private static LocalDate aroundAPlanDueDay(List<List<EventEnvelope<CaseEvent>>> cases, int day) {
		LocalDate enrolled = cases.get(day % cases.size()).get(0).businessDate();
		return enrolled.plusDays(29 + day % 3);
	}

	/**
	 * The exceptions as the naive fold over raw events lists them (a goal without any
	 * left out).
	 */
	private static Map<String, List<NaiveFigures.QualityException>> listed(Map<String, Exceptions> exceptions) {
		Map<String, List<NaiveFigures.QualityException>> listed = new TreeMap<>();
		exceptions.forEach((goalId, goal) -> {
			assertThat(goal.cases()).hasSize((int) goal.count());
			if (goal.count() == 0) {
				return;
			}
			listed.put(goalId,
					goal.cases()
						.stream()
						.map((c) -> new NaiveFigures.QualityException(c.participantId(), c.reason().label(), c.date()))
						.toList());
		});
		return listed;
	}

	/**
	 * Interleaves the cases at random keeping each case's order, and sends a random
	 * participant's last few events again now and then.
	 */
	static List<EventEnvelope<CaseEvent>> deliveries(List<List<EventEnvelope<CaseEvent>>> cases, Random random,
			int resends) {
		List<EventEnvelope<CaseEvent>> delivered = new ArrayList<>();
		int[] next = new int[cases.size()];
		List<Integer> open = new ArrayList<>();
		for (int i = 0; i < cases.size(); i++) {
			open.add(i);
		}
		int resent = 0;
		while (!open.isEmpty()) {
			int which = open.get(random.nextInt(open.size()));
			List<EventEnvelope<CaseEvent>> history = cases.get(which);
			delivered.add(history.get(next[which]++));
			if (resent < resends && random.nextInt(4) == 0) {
				int from = random.nextInt(next[which]);
				delivered.addAll(history.subList(from, next[which]));
				resent++;
			}
			if (next[which] == history.size()) {
				open.remove(Integer.valueOf(which));
			}
		}
		return delivered;
	}

	/** CaseEventProjection's steps on maps in place of tables. */
	private final class Projection {

		final Set<UUID> processed = new HashSet<>();

		final Map<UUID, List<EventEnvelope<CaseEvent>>> events = new HashMap<>();

		final Map<UUID, Participant> participants = new HashMap<>();

		final Map<TallyKey, Long> tallies = new TreeMap<>();

		/** The quality exception rows, by goal id and participant id. */
		final Map<String, Breach> breachRows = new HashMap<>();

		void apply(EventEnvelope<CaseEvent> envelope) {
			if (!this.processed.add(envelope.eventId().value())) {
				return;
			}
			UUID participantId = envelope.payload().participantId().value();
			List<EventEnvelope<CaseEvent>> history = this.events.computeIfAbsent(participantId,
					(id) -> new ArrayList<>());
			Participant before = DeliveryOrderPropertiesTest.this.fold.fold(history);
			history.add(envelope);
			history.sort((a, b) -> Long.compare(a.sequence(), b.sequence()));
			Participant after = DeliveryOrderPropertiesTest.this.fold.fold(history);
			if (after == null) {
				if (before != null) {
					this.participants.remove(participantId);
					move(Contributions.delta(GOALS, before, null));
					replace(before.participantId(), QualityRules.breaches(GOALS, before), List.of());
				}
				return;
			}
			this.participants.put(participantId, after);
			Participant counted = sameProject(before, after);
			move(Contributions.delta(GOALS, counted, after));
			replace(after.participantId(), QualityRules.breaches(GOALS, counted), QualityRules.breaches(GOALS, after));
		}

		/** QualityExceptionStore.replace on a map. */
		private void replace(String participantId, List<Breach> before, List<Breach> after) {
			if (before.equals(after)) {
				return;
			}
			this.breachRows.values().removeIf((row) -> row.participantId().equals(participantId));
			after.forEach((breach) -> this.breachRows.put(breach.goalId() + "/" + participantId, breach));
		}

		List<Breach> breaches() {
			return this.breachRows.values().stream().sorted(QualityRules.LISTED).toList();
		}

		private void move(Map<TallyKey, Long> delta) {
			delta.forEach((key, value) -> this.tallies.merge(key, value, Long::sum));
		}

		Map<TallyKey, Long> tallies() {
			Map<TallyKey, Long> nonZero = new TreeMap<>(this.tallies);
			nonZero.values().removeIf((value) -> value == 0);
			return nonZero;
		}

		private static @Nullable Participant sameProject(@Nullable Participant before, Participant after) {
			return (before != null && before.projectId().equals(after.projectId())) ? before : null;
		}

	}

}
