package se.kedja.reliability;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Fifty writers at once, each on cases of its own, so transactions commit out of the
 * order their global index was handed out in; then what the consumers built must equal a
 * replay from the start: progress-service's rebuild must swap in the same figures and
 * intake with no event skipped, and audit-service's copy must hold exactly the store's
 * events, each at its case and sequence.
 */
class RacesAndGapsTest {

	private static final String AUDIT_COPY = """
			SELECT coalesce(stored.event_identifier, copied.event_id::text), stored.aggregate_identifier,
			       copied.participant_id, stored.sequence_number, copied.sequence, stored.global_index,
			       copied.global_position, copied.type
			FROM (SELECT * FROM cases.domain_event_entry WHERE type = 'ParticipantCase') stored
			FULL JOIN audit.case_event copied ON copied.event_id::text = stored.event_identifier
			""";

	/** An event missing from either side, or at another case or place in its case. */
	private static final String DIFFERS = """
			WHERE stored.event_identifier IS NULL OR copied.event_id IS NULL
			   OR copied.participant_id::text <> stored.aggregate_identifier
			   OR copied.sequence <> stored.sequence_number
			ORDER BY 6, 7
			""";

	/**
	 * The global position the event travelled with is not its own index in the store
	 * (case-service's publisher once stamped its tracking token's position, which for an
	 * event that committed out of order is the highest index already read).
	 */
	private static final String POSITION_DIFFERS = """
			WHERE stored.event_identifier IS NOT NULL AND copied.event_id IS NOT NULL
			  AND copied.global_position IS DISTINCT FROM stored.global_index
			ORDER BY 6, 7
			""";

	/**
	 * The events {@code where} picks: event id, the store's and the copy's case and
	 * sequence, the store's global index, the copy's global position and type.
	 */
	private static List<String> differences(Backend backend, String where) {
		List<String> differences = new ArrayList<>();
		try (Connection connection = backend.connect(); Statement statement = connection.createStatement()) {
			ResultSet result = statement.executeQuery(AUDIT_COPY + where);
			while (result.next()) {
				StringBuilder row = new StringBuilder();
				for (int column = 1; column <= 8; column++) {
					row.append((column > 1) ? " " : "").append(result.getString(column));
				}
				differences.add(row.toString());
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		return differences;
	}

	@BeforeAll
	static void built() {
		assumeTrue(Kedja.built(), "the service jars are not built (./kedja build)");
	}

	@Test
	void concurrent_writers_commit_out_of_order_and_every_consumer_still_equals_a_replay_from_the_start() {
		long started = System.nanoTime();
		Kedja kedja = Kedja.shared();
		Ledger ledger = new Ledger();
		long outOfOrder;
		try (CommitOrderWatcher watcher = new CommitOrderWatcher(kedja.backend);
				CaseDriver driver = new CaseDriver(kedja.caseService::url, ledger, Scale.raceWriters()).start()) {
			Waits.pause(Scale.race());
			driver.close();
			outOfOrder = watcher.outOfOrder();
		}
		Checks.Outcome outcome = kedja.checks().verify(ledger);
		List<String> auditDiffers = differences(kedja.backend, DIFFERS);
		List<String> positionsDiffer = differences(kedja.backend, POSITION_DIFFERS);
		ProgressRebuild.Outcome replay = ProgressRebuild.compare(kedja.liveProgress(), () -> {
		});
		boolean held = outcome.held() && ledger.fiveXx() == 0 && outOfOrder > 0 && auditDiffers.isEmpty()
				&& positionsDiffer.isEmpty() && replay.held();
		Summary.row(Scale.raceWriters() + " concurrent writers, then a replay from the start", outOfOrder,
				outcome.written(), outcome.verified(), outcome.lost(), outcome.duplicatesOnTopic(), ledger.fiveXx(),
				Duration.ofNanos(System.nanoTime() - started), held,
				ledger.acknowledged + " commands; " + outOfOrder + " commits seen out of global-index order; "
						+ "audit copy vs store: " + auditDiffers.size() + " events differ, " + positionsDiffer.size()
						+ " carry another global position than their index; progress " + replay.note());

		positionsDiffer.stream()
			.limit(10)
			.forEach((row) -> System.out.println("global position differs from the store's index: " + row));
		assertThat(outcome.problems()).as("what did not hold").isEmpty();
		assertThat(ledger.fiveXx()).isZero();
		assertThat(outOfOrder).as("commits seen landing out of global-index order (the race this scenario needs)")
			.isPositive();
		assertThat(auditDiffers).as("events in which audit-service's copy differs from the store").isEmpty();
		assertThat(positionsDiffer)
			.as("events that travelled with another global position than their index in the store")
			.isEmpty();
		assertThat(replay.problems()).as("progress-service's figures against its replay from the start").isEmpty();
	}

}
