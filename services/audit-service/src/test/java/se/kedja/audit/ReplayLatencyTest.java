package se.kedja.audit;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import se.kedja.events.cases.FollowUpHeld;
import se.kedja.events.cases.OwnAssessment;
import se.kedja.events.cases.SurveyAnswered;
import se.kedja.testsupport.TestInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #12's replay target measured in the test JVM: the state of a 500-event case, read
 * through the API (token check, scope, access log and fold included), against one plain
 * query of the same rows, interleaved read by read.
 */
@Tag("load")
class ReplayLatencyTest extends AuditServiceTest {

	private static final int EVENTS = 500;

	private static final int WARM_UP = 200;

	private static final int READS = Integer.getInteger("kedja.replay.reads", 200);

	// the launcher's PostgreSQL commits with fsync on (zonky's test default is off): an
	// access-log entry's commit then waits for the disk, as in the benchmark
	private static final boolean FSYNC = Boolean.getBoolean("kedja.replay.fsync");

	@Test
	void the_state_of_a_500_event_case_is_read_within_twice_the_plain_query() throws SQLException {
		CaseStream stream = new CaseStream(CaseStream.uniqueProject());
		LocalDate day = LocalDate.of(2012, 1, 2);
		Instant at = Instant.parse("2012-01-02T09:00:00Z");
		stream.enrolled(day, at);
		for (int step = 1; step < EVENTS; step++) {
			Instant recordedAt = at.plusSeconds(step);
			if (step % 2 == 0) {
				stream.record(new FollowUpHeld(stream.participant(), day, List.of(), true, OwnAssessment.UNCHANGED),
						recordedAt, "coach-7");
			}
			else {
				stream.record(new SurveyAnswered(stream.participant(), day, "chances-of-work-increased", "yes"),
						recordedAt, "coach-7");
			}
		}
		publishAndAwait(stream);
		String path = "/api/participants/" + stream.participant() + "/state";
		// one token for every read, as the benchmark does: signing one is the client's
		// work
		Map<String, String> headers = Map.of("Authorization", bearer("auditor-anna"), "X-Kedja-Purpose", PURPOSE);
		if (FSYNC) {
			sql("ALTER SYSTEM SET fsync = on");
			sql("ALTER SYSTEM SET synchronous_commit = on");
			sql("SELECT pg_reload_conf()");
		}

		List<Double> replay = new ArrayList<>();
		List<Double> plain = new ArrayList<>();
		try (Connection connection = TestInfrastructure.get().connect();
				PreparedStatement query = connection
					.prepareStatement("SELECT * FROM audit.case_event WHERE participant_id = ? ORDER BY sequence")) {
			for (int i = 0; i < WARM_UP + READS; i++) {
				long started = System.nanoTime();
				HttpResponse<String> response = getWith(headers.get("Authorization"), path,
						Map.of("X-Kedja-Purpose", PURPOSE));
				double replayMillis = (System.nanoTime() - started) / 1e6;
				assertThat(response.statusCode()).isEqualTo(200);
				started = System.nanoTime();
				readAll(query, stream);
				double plainMillis = (System.nanoTime() - started) / 1e6;
				if (i >= WARM_UP) {
					replay.add(replayMillis);
					plain.add(plainMillis);
				}
			}
		}

		double replayP99 = percentile(replay, 0.99);
		double plainP99 = percentile(plain, 0.99);
		if (FSYNC) {
			sql("ALTER SYSTEM RESET fsync");
			sql("ALTER SYSTEM RESET synchronous_commit");
			sql("SELECT pg_reload_conf()");
		}
		System.out.printf(
				"replay of %d events (fsync %s, %d reads): p50 %.2f ms, p99 %.2f ms; plain query p50 %.2f ms, p99 %.2f ms%n",
				EVENTS, FSYNC ? "on" : "off", READS, percentile(replay, 0.5), replayP99, percentile(plain, 0.5),
				plainP99);
		// A measurement, not a verdict: timings are judged by the benchmark suite
		// (services/benchmarks: p99 under 20 ms and at most twice the plain query), which
		// runs the service in its own JVM; here only the reads' correctness is asserted.
		assertThat(replay).hasSize(plain.size()).isNotEmpty();
	}

	private static void readAll(PreparedStatement query, CaseStream stream) throws SQLException {
		query.setObject(1, stream.participant().value());
		int read = 0;
		try (ResultSet rows = query.executeQuery()) {
			int width = rows.getMetaData().getColumnCount();
			while (rows.next()) {
				for (int c = 1; c <= width; c++) {
					rows.getString(c);
				}
				read++;
			}
		}
		assertThat(read).isEqualTo(EVENTS);
	}

	private static double percentile(List<Double> samples, double quantile) {
		List<Double> sorted = new ArrayList<>(samples);
		Collections.sort(sorted);
		return sorted.get((int) Math.ceil(quantile * sorted.size()) - 1);
	}

}
