package se.kedja.identity.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.util.UUID;

import com.nimbusds.jose.jwk.RSAKey;

/**
 * The issuer's RSA signing key: generated on first start and kept in the data folder,
 * readable by the owner only, so tokens stay valid across restarts.
 */
final class SigningKey {

	private SigningKey() {
	}

	static RSAKey readOrCreate(Path file) {
		try {
			if (Files.exists(file)) {
				return RSAKey.parse(Files.readString(file));
			}
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(3072);
			KeyPair pair = generator.generateKeyPair();
			RSAKey key = new RSAKey.Builder((RSAPublicKey) pair.getPublic())
				.privateKey((RSAPrivateKey) pair.getPrivate())
				.keyID(UUID.randomUUID().toString())
				.build();
			if (file.getParent() != null) {
				Files.createDirectories(file.getParent());
			}
			Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
			Files.writeString(file, key.toJSONString());
			return key;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (ParseException | NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Cannot read or create the signing key " + file, ex);
		}
	}

}
