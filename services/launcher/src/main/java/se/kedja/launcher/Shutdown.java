package se.kedja.launcher;

import se.kedja.launcher.kafka.KafkaServer;
import se.kedja.launcher.postgres.PostgresServer;
import se.kedja.launcher.services.Services;

/**
 * Stops the services, then the broker, then the database (the order in which each still
 * has what it needs to stop cleanly), once, whether the launcher ends by Ctrl-C, SIGTERM
 * or a failed start. PostgreSQL and Kafka start in parallel, so the order is fixed here
 * rather than taken from the order in which they happened to come up.
 */
final class Shutdown {

	private Services services;

	private KafkaServer kafka;

	private PostgresServer postgres;

	private boolean stopping;

	synchronized Services started(Services started) {
		services = started;
		return stopIfLate(started);
	}

	synchronized KafkaServer started(KafkaServer started) {
		kafka = started;
		return stopIfLate(started);
	}

	synchronized PostgresServer started(PostgresServer started) {
		postgres = started;
		return stopIfLate(started);
	}

	synchronized boolean isStopping() {
		return stopping;
	}

	synchronized void stopAll() {
		stopping = true;
		stop(services);
		stop(kafka);
		stop(postgres);
		services = null;
		kafka = null;
		postgres = null;
	}

	// Something that finishes starting after Ctrl-C is stopped at once.
	private <T extends AutoCloseable> T stopIfLate(T resource) {
		if (stopping) {
			stop(resource);
		}
		return resource;
	}

	private static void stop(AutoCloseable resource) {
		if (resource == null) {
			return;
		}
		try {
			resource.close();
		}
		catch (Exception ex) {
			System.err.println("While stopping: " + ex);
		}
	}

}
