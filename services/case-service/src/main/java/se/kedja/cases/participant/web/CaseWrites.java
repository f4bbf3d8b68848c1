package se.kedja.cases.participant.web;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import se.kedja.cases.publishing.RecordingMetadata;
import se.kedja.events.ParticipantId;
import se.kedja.support.problem.ProblemException;

/**
 * Sends a command on an existing case with optimistic concurrency. A stale
 * {@code If-Match} is refused at once when it is already stale; the exact check is made
 * where the first event of the command meets the case summary row (see
 * CaseSummaryProjection), in the same transaction, so a race is refused and rolled back
 * too. No database lock is taken before the command: Axon's aggregate lock comes first on
 * every path (requests and deadlines), which keeps the two from deadlocking.
 */
@Component
class CaseWrites {

	private final CommandGateway commands;

	private final JdbcClient jdbc;

	CaseWrites(CommandGateway commands, JdbcClient jdbc) {
		this.commands = commands;
		this.jdbc = jdbc;
	}

	/** Call inside a transaction; returns the case's version after the command. */
	long send(ParticipantId participant, @Nullable Long expectedVersion, Supplier<Object> command) {
		long current = version(participant)
			.orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND, "unknown-participant", participant));
		if (expectedVersion != null && expectedVersion != current) {
			throw new ProblemException(HttpStatus.CONFLICT, "stale-version", expectedVersion, current);
		}
		Object payload = command.get();
		this.commands.sendAndWait(
				(expectedVersion != null)
						? GenericCommandMessage.asCommandMessage(payload)
							.andMetaData(java.util.Map.of(RecordingMetadata.EXPECTED_VERSION, expectedVersion))
						: payload);
		return version(participant).orElse(current);
	}

	Optional<Long> version(ParticipantId participant) {
		return this.jdbc.sql("SELECT version FROM case_summary WHERE participant_id = ?")
			.param(participant.value())
			.query(Long.class)
			.optional();
	}

	static @Nullable Long expectedVersion(@Nullable String ifMatch, @Nullable Long expectedVersion) {
		if (ifMatch == null || ifMatch.isBlank()) {
			return expectedVersion;
		}
		String tag = ifMatch.strip();
		if (tag.startsWith("W/")) {
			tag = tag.substring(2);
		}
		tag = tag.replace("\"", "");
		try {
			return Long.parseLong(tag);
		}
		catch (NumberFormatException ex) {
			throw new ProblemException(HttpStatus.BAD_REQUEST, "invalid-if-match");
		}
	}

	static ParticipantId participantId(String value) {
		try {
			return new ParticipantId(UUID.fromString(value));
		}
		catch (IllegalArgumentException ex) {
			throw new ProblemException(HttpStatus.NOT_FOUND, "unknown-participant", value);
		}
	}

}
