package se.kedja.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

/**
 * A secret the embedded default generates on first start (the database password, the
 * personal-data key) and keeps in the data folder, readable by the owner only.
 */
public final class Secret {

	private static final String ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

	private Secret() {
	}

	public static String readOrCreate(Path file) {
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
