package se.kedja.events;

/** A Kafka topic: its name, the types of its keys and values, and its partition count. */
public record Topic<K, V>(String name, Class<K> keyType, Class<V> valueType, int partitions) {

	public Topic {
		if (partitions < 1) {
			throw new IllegalArgumentException("A topic has at least one partition");
		}
	}

}
