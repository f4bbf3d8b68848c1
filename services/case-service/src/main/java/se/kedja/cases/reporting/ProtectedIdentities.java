package se.kedja.cases.reporting;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Participants with a protected identity (skyddad identitet). Kept beside the reporting
 * code for now; it belongs with the personal data once that store carries the flag.
 */
@Repository
class ProtectedIdentities {

	private final JdbcClient jdbc;

	ProtectedIdentities(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void mark(UUID participantId, String by, Instant at) {
		this.jdbc.sql("""
				INSERT INTO protected_identity (participant_id, marked_by, marked_at) VALUES (?, ?, ?)
				ON CONFLICT (participant_id) DO NOTHING""").params(participantId, by, Timestamp.from(at)).update();
	}

	Set<UUID> among(Collection<UUID> participantIds) {
		if (participantIds.isEmpty()) {
			return Set.of();
		}
		return new HashSet<>(
				this.jdbc.sql("SELECT participant_id FROM protected_identity WHERE participant_id::text = ANY(?)")
					.param(participantIds.stream().map(UUID::toString).toArray(String[]::new))
					.query(UUID.class)
					.list());
	}

}
