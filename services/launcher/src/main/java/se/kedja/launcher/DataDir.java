package se.kedja.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The one folder that holds everything a user would lose on a wipe: the database, the
 * broker's logs, the generated password, the child processes' logs and pid files.
 */
public record DataDir(Path root) {

	public DataDir {
		root = root.toAbsolutePath().normalize();
	}

	public Path postgres() {
		return root.resolve("postgres");
	}

	public Path kafka() {
		return root.resolve("kafka");
	}

	public Path logs() {
		return create(root.resolve("logs"));
	}

	public Path pids() {
		return create(root.resolve("pids"));
	}

	public Path log(String child) {
		return logs().resolve(child + ".log");
	}

	/**
	 * Held for the launcher's whole life, so a second launcher (or a wipe) on the same
	 * folder refuses instead of starting a second database on the same files. The OS
	 * drops the lock when the launcher dies, even by SIGKILL.
	 * @return the lock, or {@code null} when another launcher holds it
	 */
	public FileLock tryLock() {
		try {
			create(root);
			FileChannel channel = FileChannel.open(root.resolve("launcher.lock"), StandardOpenOption.CREATE,
					StandardOpenOption.WRITE);
			FileLock lock = channel.tryLock();
			if (lock == null) {
				channel.close();
			}
			return lock;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Path create(Path dir) {
		try {
			return Files.createDirectories(dir);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
