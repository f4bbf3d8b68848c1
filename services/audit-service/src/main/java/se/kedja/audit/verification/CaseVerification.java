package se.kedja.audit.verification;

import java.util.List;

import org.jspecify.annotations.Nullable;

/** The outcome of checking one case's hash chain. */
public record CaseVerification(String participantId, boolean intact, int events, long lastSequence,
		@Nullable String lastHash, List<Finding> findings) {
}
