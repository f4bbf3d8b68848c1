package se.kedja.audit.accesslog;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import se.kedja.audit.AuditServiceTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of audit-service sharing one database: each appender remembers the
 * chain's head it last wrote, so an append after the other instance's collides on the
 * position key and must be chained again after the head read afresh, never over it.
 */
class TwoAppendersTest extends AuditServiceTest {

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void appends_by_another_instance_are_chained_after_never_over() throws Exception {
		AccessLog other = new AccessLog(this.jdbc, Clock.systemUTC());
		try {
			long before = getJson("/api/access-log/verification").path("entries").asLong();
			int rounds = 30;
			List<Integer> statuses = new ArrayList<>();
			try (ExecutorService both = Executors.newFixedThreadPool(2)) {
				List<Future<Integer>> answers = new ArrayList<>();
				for (int i = 0; i < rounds; i++) {
					answers.add(both.submit(() -> get("/api/access-log?size=1").statusCode()));
					answers.add(both.submit(() -> {
						other.recordRead(new Reader("auditor-other-instance", PURPOSE), Access.ACCESS_LOG, "{}");
						return 200;
					}));
				}
				for (Future<Integer> answer : answers) {
					statuses.add(answer.get(2, TimeUnit.MINUTES));
				}
			}

			assertThat(statuses).hasSize(2 * rounds).containsOnly(200);
			JsonNode verification = getJson("/api/access-log/verification");
			assertThat(verification.path("intact").asBoolean()).isTrue();
			// the verification before, then both instances' entries
			assertThat(verification.path("entries").asLong()).isEqualTo(before + 1 + 2 * rounds);
			assertThat(this.jdbc.queryForObject(
					"SELECT count(*) FROM audit.access_log WHERE accessed_by = 'auditor-other-instance'", Long.class))
				.isEqualTo(rounds);
		}
		finally {
			other.destroy();
		}
	}

}
