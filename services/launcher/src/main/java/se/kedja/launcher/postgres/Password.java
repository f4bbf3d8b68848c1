package se.kedja.launcher.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

/** The database password, generated on first start and readable by the owner only. */
final class Password {

	private static final String ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

	private Password() {
	}

	static String readOrCreate(Path file) {
		try {
			if (Files.exists(file)) {
				return Files.readString(file).trim();
			}
			SecureRandom random = new SecureRandom();
			StringBuilder password = new StringBuilder();
			for (int i = 0; i < 32; i++) {
				password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
			}
			Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
			Files.writeString(file, password);
			return password.toString();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
