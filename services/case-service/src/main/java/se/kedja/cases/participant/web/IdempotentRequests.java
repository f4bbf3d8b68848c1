package se.kedja.cases.participant.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import se.kedja.cases.recording.CurrentUser;
import se.kedja.support.problem.ProblemException;

/**
 * Runs a write once per {@code Idempotency-Key} (per user): the first response is stored
 * in the write's own transaction, and a retry gets it back without recording anything.
 */
@Component
class IdempotentRequests {

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	private final CurrentUser user;

	private final JsonMapper json;

	IdempotentRequests(JdbcClient jdbc, TransactionTemplate transaction, CurrentUser user, JsonMapper json) {
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.user = user;
		this.json = json;
	}

	ResponseEntity<?> run(@Nullable String key, String method, String path, @Nullable Object request,
			Supplier<ResponseEntity<?>> write) {
		return this.transaction.execute((status) -> {
			if (key == null || key.isBlank()) {
				return write.get();
			}
			if (key.length() > 200) {
				throw new ProblemException(HttpStatus.BAD_REQUEST, "invalid-idempotency-key");
			}
			String digest = digest(method + " " + path + " " + this.json.writeValueAsString(request));
			String recordedBy = this.user.key();
			Optional<ResponseEntity<?>> earlier = earlier(key, recordedBy, digest);
			if (earlier.isPresent()) {
				return earlier.get();
			}
			ResponseEntity<?> response = write.get();
			this.jdbc
				.sql("""
						INSERT INTO idempotent_request (idempotency_key, recorded_by, request_digest, status, location, body)
						VALUES (?, ?, ?, ?, ?, ?)""")
				.params(key, recordedBy, digest, response.getStatusCode().value(),
						(response.getHeaders().getLocation() != null) ? response.getHeaders().getLocation().toString()
								: null,
						(response.getBody() != null) ? this.json.writeValueAsString(response.getBody()) : null)
				.update();
			return response;
		});
	}

	private Optional<ResponseEntity<?>> earlier(String key, String recordedBy, String digest) {
		return this.jdbc
			.sql("SELECT request_digest, status, location, body FROM idempotent_request "
					+ "WHERE idempotency_key = ? AND recorded_by = ?")
			.params(key, recordedBy)
			.query((rs, n) -> {
				if (!rs.getString(1).equals(digest)) {
					throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused");
				}
				HttpHeaders headers = new HttpHeaders();
				if (rs.getString(3) != null) {
					headers.setLocation(java.net.URI.create(rs.getString(3)));
				}
				headers.setContentType(MediaType.APPLICATION_JSON);
				headers.set("Idempotent-Replay", "true");
				String body = rs.getString(4);
				Object replayed = (body != null) ? this.json.readTree(body) : null;
				return ResponseEntity.status(rs.getInt(2)).headers(headers).body(replayed);
			})
			.optional()
			.map((response) -> (ResponseEntity<?>) response);
	}

	private static String digest(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
