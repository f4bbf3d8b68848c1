package se.kedja.progress.intake;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import se.kedja.events.EventEnvelope;

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

	/**
	 * The envelopes whose event ids are seen for the first time, in their order, each
	 * once: one statement for the whole batch.
	 */
	<T extends EventEnvelope<?>> List<T> firstDeliveries(ProjectionTables tables, List<T> envelopes) {
		Map<UUID, T> byId = new LinkedHashMap<>();
		envelopes.forEach((envelope) -> byId.putIfAbsent(envelope.eventId().value(), envelope));
		Set<UUID> first = new HashSet<>(this.jdbc
			.sql("INSERT INTO " + tables.processedEvent() + " (event_id) SELECT unnest(?::uuid[])"
					+ " ON CONFLICT DO NOTHING RETURNING event_id")
			.param(byId.keySet().stream().map(UUID::toString).toArray(String[]::new))
			.query(UUID.class)
			.list());
		List<T> fresh = new ArrayList<>(first.size());
		byId.forEach((id, envelope) -> {
			if (first.contains(id)) {
				fresh.add(envelope);
			}
		});
		return fresh;
	}

	/** True the first time an event id is seen, false on every redelivery. */
	boolean firstDelivery(ProjectionTables tables, UUID eventId) {
		return this.jdbc.sql("INSERT INTO " + tables.processedEvent() + " (event_id) VALUES (?) ON CONFLICT DO NOTHING")
			.param(eventId)
			.update() == 1;
	}

}
