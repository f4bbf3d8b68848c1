package se.kedja.launcher;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Path;

/**
 * Where the built project lies, found from the launcher's own location: its jar (or, in
 * tests, its classes folder) sits in {@code services/launcher/target}, beside the copied
 * {@code lib/} and {@code kafka-lib/} folders.
 */
public record Install(Path launcherTarget, Path launcherCode) {

	public static Install locate() {
		try {
			Path code = Path.of(Install.class.getProtectionDomain().getCodeSource().getLocation().toURI());
			return new Install(code.getParent(), code);
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public Path repositoryRoot() {
		return launcherTarget.getParent().getParent().getParent();
	}

	/** The launcher's own classes and libraries, which the PostgreSQL child needs. */
	public String classPath() {
		return String.join(File.pathSeparator, launcherCode.toString(), launcherTarget.resolve("lib") + "/*");
	}

	/** The launcher's class path plus the broker's, which only the Kafka child sees. */
	public String kafkaClassPath() {
		return classPath() + File.pathSeparator + launcherTarget.resolve("kafka-lib") + "/*";
	}

	public Path serviceJar(String service) {
		return repositoryRoot().resolve("services").resolve(service).resolve("target").resolve(service + ".jar");
	}

}
