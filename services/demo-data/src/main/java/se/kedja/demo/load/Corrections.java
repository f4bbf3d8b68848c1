package se.kedja.demo.load;

import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import se.kedja.demo.generate.DemoCommand;

/**
 * Sends the corrections last. A correction names the event it corrects by id, which the
 * API does not answer with; audit-service's history of the case gives it, once the event
 * has travelled there through Kafka. A correction whose event cannot be found in time is
 * left out and counted.
 */
final class Corrections {

	private static final long WAIT_MILLIS = 30_000;

	private final DemoLoader loader;

	Corrections(DemoLoader loader) {
		this.loader = loader;
	}

	/**
	 * @return how many were left out
	 */
	long send(long seed, List<DemoLoader.Deferred> corrections, DemoLoader.Counters counters) {
		long skipped = 0;
		long deadline = System.currentTimeMillis() + WAIT_MILLIS;
		for (DemoLoader.Deferred deferred : corrections) {
			DemoCommand command = deferred.command();
			String eventId = eventId(deferred, deadline);
			if (eventId == null) {
				skipped++;
				continue;
			}
			Map<String, Object> body = new java.util.LinkedHashMap<>();
			body.put("corrects", eventId);
			body.putAll(command.body());
			DemoLoader.Response response = this.loader.post(CommandPaths.of(deferred.participantId(), command),
					deferred.user(), command.idempotencyKey(seed), body);
			if (response.ok()) {
				counters.commands.incrementAndGet();
				if (response.replayed()) {
					counters.replayed.incrementAndGet();
				}
			}
			else {
				counters.failures.add(command.participant() + " step " + command.step() + " correction -> "
						+ response.status() + " " + response.text());
			}
		}
		if (skipped > 0) {
			this.loader.out()
				.accept("[demo] " + skipped
						+ " corrections left out: audit-service did not show the events they correct");
		}
		return skipped;
	}

	private String eventId(DemoLoader.Deferred deferred, long deadline) {
		String type = deferred.command().refs().get("correctsEvent");
		do {
			DemoLoader.Response history = this.loader.get(this.loader.auditService(),
					"/api/participants/" + deferred.participantId() + "/history?size=500", Map.of("X-Kedja-User",
							"demo-loader", "X-Kedja-Purpose", "demo data: the event a correction corrects"));
			if (history.ok()) {
				for (JsonNode event : history.json().path("events")) {
					if (event.path("type").asString().equals(type)) {
						return event.path("eventId").asString();
					}
				}
			}
			else if (history.status() == 599) {
				return null;
			}
			DemoLoader.sleep(500);
		}
		while (System.currentTimeMillis() < deadline);
		return null;
	}

}
