/** Kafka serialisers for event envelopes, and the headers they set. */
@NullMarked
package se.kedja.events.kafka;

import org.jspecify.annotations.NullMarked;
