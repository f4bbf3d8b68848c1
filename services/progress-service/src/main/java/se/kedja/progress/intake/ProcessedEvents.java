package se.kedja.progress.intake;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The dedupe key of the projections: an event id is inserted in the same transaction as
 * the event's effects, so a redelivered event finds its id and changes nothing.
 */
@Repository
class ProcessedEvents {

	private final JdbcClient jdbc;

	ProcessedEvents(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** True the first time an event id is seen, false on every redelivery. */
	boolean firstDelivery(ProjectionTables tables, UUID eventId) {
		return this.jdbc.sql("INSERT INTO " + tables.processedEvent() + " (event_id) VALUES (?) ON CONFLICT DO NOTHING")
			.param(eventId)
			.update() == 1;
	}

}
