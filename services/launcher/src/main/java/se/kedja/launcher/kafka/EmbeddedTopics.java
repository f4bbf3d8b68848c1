package se.kedja.launcher.kafka;

import java.util.List;

/**
 * The topics the embedded broker creates. Mirrors the topic catalogue in shared-events
 * ({@code se.kedja.events.Topics}); partitions are fixed at creation, because adding some
 * later would move participants' events to other partitions and break their order.
 */
final class EmbeddedTopics {

	record Topic(String name, int partitions) {
	}

	static final List<Topic> ALL = List.of(new Topic("kedja.case-events", 12), new Topic("kedja.project-events", 3),
			new Topic("kedja.case-events.dlt", 3));

	private EmbeddedTopics() {
	}

}
