package se.kedja.progress.reports;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/**
 * Reports go to the funder in strict chronological order. A month must be sent again when
 * what it says has changed since it was sent, or when an earlier month was sent after it;
 * from the first such month, every later month already reported must follow.
 */
final class ResendPolicy {

	private ResendPolicy() {
	}

	/** A reported month: when its latest version was produced, and whether it changed. */
	record SentMonth(YearMonth month, Instant producedAt, boolean changedSince) {

	}

	/** The months to send again, oldest first; {@code sent} is in month order. */
	static List<YearMonth> monthsToResend(List<SentMonth> sent) {
		Instant latestEarlier = Instant.MIN;
		for (int i = 0; i < sent.size(); i++) {
			SentMonth month = sent.get(i);
			if (month.changedSince() || month.producedAt().isBefore(latestEarlier)) {
				return sent.subList(i, sent.size()).stream().map(SentMonth::month).toList();
			}
			latestEarlier = month.producedAt().isAfter(latestEarlier) ? month.producedAt() : latestEarlier;
		}
		return List.of();
	}

	/**
	 * The only month that may be produced next: the first to resend, else the month after
	 * the last reported; empty when nothing has been reported yet (any month may start).
	 */
	static Optional<YearMonth> nextMonth(List<SentMonth> sent) {
		List<YearMonth> resend = monthsToResend(sent);
		if (!resend.isEmpty()) {
			return Optional.of(resend.get(0));
		}
		return sent.isEmpty() ? Optional.empty() : Optional.of(sent.get(sent.size() - 1).month().plusMonths(1));
	}

}
