package se.kedja.audit.checkpoint;

/**
 * The highest offset of a topic partition stored in the audit store when a checkpoint was
 * taken.
 */
public record ConsumedPosition(String topic, int partition, long offset) {
}
