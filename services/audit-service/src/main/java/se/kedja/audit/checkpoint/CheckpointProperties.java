package se.kedja.audit.checkpoint;

import java.nio.file.Path;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How checkpoints are taken and signed. Without key paths the service generates an
 * Ed25519 key pair on first start and keeps it in the database (fine for the embedded
 * default); in production point both paths at PEM files (PKCS#8 private, X.509 public).
 */
@ConfigurationProperties("kedja.audit.checkpoint")
public record CheckpointProperties(@Nullable Duration interval, @Nullable Path privateKeyPath,
		@Nullable Path publicKeyPath) {

	boolean hasKeyFiles() {
		return privateKeyPath != null && !privateKeyPath.toString().isEmpty() && publicKeyPath != null
				&& !publicKeyPath.toString().isEmpty();
	}

	Duration intervalOrDefault() {
		return (interval != null) ? interval : Duration.ofHours(1);
	}

}
