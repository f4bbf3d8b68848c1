package se.kedja.progress.reports;

import java.time.Instant;
import java.time.YearMonth;
import java.util.UUID;

/**
 * A monthly report as it was produced and sent: {@code content} is the exact file,
 * {@code sha256} its hash in hex; {@code cutOff} bounds what had been recorded.
 */
public record StoredReport(UUID reportId, String projectId, YearMonth month, int version, Instant cutOff,
		Instant producedAt, String producedBy, int rows, String sha256, byte[] content) {

	/** The same report without its content, for listings. */
	public record Summary(UUID reportId, String projectId, YearMonth month, int version, Instant cutOff,
			Instant producedAt, String producedBy, int rows, String sha256) {

	}

	public Summary summary() {
		return new Summary(this.reportId, this.projectId, this.month, this.version, this.cutOff, this.producedAt,
				this.producedBy, this.rows, this.sha256);
	}

}
