package se.kedja.launcher;

import java.nio.file.Path;
import java.util.Map;

/**
 * What the user chose, from the command line first, then the environment, then defaults.
 */
record Settings(DataDir data, int postgresPort, int kafkaPort, int kafkaControllerPort, boolean wipe) {

	static final String USAGE = """
			Usage: launcher [--data-dir DIR] [--wipe]
			  --data-dir DIR  where the database and broker keep their data (env KEDJA_DATA_DIR, default ./.kedja-data)
			  --wipe          delete the data folder and exit (refused while Kedja runs)
			Ports: KEDJA_PG_PORT (5432), KEDJA_KAFKA_PORT (9092), KEDJA_KAFKA_CONTROLLER_PORT (9093)""";

	static Settings from(String[] args, Map<String, String> env) {
		String dataDir = env.getOrDefault("KEDJA_DATA_DIR", ".kedja-data");
		boolean wipe = false;
		for (int i = 0; i < args.length; i++) {
			String arg = args[i];
			if (arg.equals("--wipe")) {
				wipe = true;
			}
			else if (arg.equals("--data-dir") && i + 1 < args.length) {
				dataDir = args[++i];
			}
			else if (arg.startsWith("--data-dir=")) {
				dataDir = arg.substring("--data-dir=".length());
			}
			else {
				throw new LaunchException("Unknown argument: " + arg + "\n" + USAGE);
			}
		}
		return new Settings(new DataDir(Path.of(dataDir)), port(env, "KEDJA_PG_PORT", 5432),
				port(env, "KEDJA_KAFKA_PORT", 9092), port(env, "KEDJA_KAFKA_CONTROLLER_PORT", 9093), wipe);
	}

	private static int port(Map<String, String> env, String name, int fallback) {
		String value = env.get(name);
		if (value == null || value.isBlank()) {
			return fallback;
		}
		try {
			return Integer.parseInt(value.trim());
		}
		catch (NumberFormatException ex) {
			throw new LaunchException(name + " must be a port number, not '" + value + "'");
		}
	}

}
