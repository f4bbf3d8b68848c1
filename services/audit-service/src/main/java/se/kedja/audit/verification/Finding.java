package se.kedja.audit.verification;

import org.jspecify.annotations.Nullable;

/** Where a chain broke, and how: names the case and the event. */
public record Finding(String participantId, long sequence, @Nullable String eventId, Problem problem, String detail) {

	public enum Problem {

		/** The event's content no longer gives its recorded hash: it was altered. */
		HASH_MISMATCH,
		/** The event does not point at the hash of the event before it. */
		BROKEN_LINK,
		/**
		 * One or more sequence numbers are missing: events were removed or never arrived.
		 */
		SEQUENCE_GAP,
		/** Two events claim the same sequence number. */
		DUPLICATE_SEQUENCE,
		/** The case head at a checkpoint is gone. */
		HEAD_MISSING,
		/**
		 * The event at the checkpoint's head sequence has another hash than the
		 * checkpoint says.
		 */
		HEAD_REWRITTEN,
		/** A case covered by the checkpoint has no events any more. */
		CASE_MISSING

	}

}
