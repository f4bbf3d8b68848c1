package se.kedja.audit.checkpoint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Finds the signing key: the configured files, else the database, else a new pair kept
 * there.
 */
@Component
class SigningKeys {

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final CheckpointProperties properties;

	private final Clock clock;

	private final AtomicReference<SigningKey> current = new AtomicReference<>();

	SigningKeys(JdbcTemplate jdbc, TransactionTemplate transactions, CheckpointProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.properties = properties;
		this.clock = clock;
	}

	SigningKey current() {
		SigningKey key = current.get();
		if (key == null) {
			key = load();
			current.set(key);
		}
		return key;
	}

	/**
	 * Public keys this service has signed with, so a checkpoint signed by a stranger is
	 * refused.
	 */
	boolean isOwn(String base64PublicKey) {
		if (current().publicKeyBase64().equals(base64PublicKey)) {
			return true;
		}
		List<byte[]> stored = jdbc.queryForList("SELECT public_key FROM audit.signing_key", byte[].class);
		return stored.stream().anyMatch((key) -> Base64.getEncoder().encodeToString(key).equals(base64PublicKey));
	}

	private SigningKey load() {
		if (properties.hasKeyFiles()) {
			return SigningKey.of(Ed25519.keyPair(pem(properties.publicKeyPath()), pem(properties.privateKeyPath())));
		}
		return transactions.execute((status) -> {
			// replicas starting together must agree on one key
			jdbc.queryForObject("SELECT pg_advisory_xact_lock(hashtext('audit.signing_key'))", Object.class);
			List<SigningKey> keys = jdbc.query(
					"SELECT public_key, private_key FROM audit.signing_key ORDER BY created_at LIMIT 1",
					(row, n) -> SigningKey.of(Ed25519.keyPair(row.getBytes(1), row.getBytes(2))));
			if (!keys.isEmpty()) {
				return keys.get(0);
			}
			SigningKey generated = SigningKey.of(Ed25519.generate());
			KeyPair pair = generated.keyPair();
			jdbc.update(
					"INSERT INTO audit.signing_key (key_id, public_key, private_key, created_at) VALUES (?, ?, ?, ?)",
					generated.keyId(), pair.getPublic().getEncoded(), pair.getPrivate().getEncoded(),
					java.sql.Timestamp.from(clock.instant().truncatedTo(ChronoUnit.MICROS)));
			return generated;
		});
	}

	private static byte[] pem(Path path) {
		try {
			String text = Files.readString(path);
			String body = text.replaceAll("-----(BEGIN|END) [A-Z ]+-----", "").replaceAll("\\s", "");
			return Base64.getDecoder().decode(body);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read signing key " + path, ex);
		}
	}

}
