package se.kedja.progress.reports;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.kedja.progress.intake.Participant;
import se.kedja.progress.projects.ProjectCatalog;
import se.kedja.progress.reports.ResendPolicy.SentMonth;
import se.kedja.support.problem.ProblemException;

/**
 * The monthly participant report in its three readings: as reported (the stored bytes),
 * as corrected now (the same fold over everything recorded today) and the differences
 * between them, with the months that must be sent again.
 */
@Service
public class MonthlyReports {

	private final ReportStore store;

	private final RecordedParticipants participants;

	private final ProjectCatalog catalog;

	private final Clock clock;

	MonthlyReports(ReportStore store, RecordedParticipants participants, ProjectCatalog catalog, Clock clock) {
		this.store = store;
		this.participants = participants;
		this.catalog = catalog;
		this.clock = clock;
	}

	/**
	 * Produces and keeps the month's report from what had been recorded before
	 * {@code cutOff} (default now). Only the month the funder expects next may be
	 * produced.
	 */
	@Transactional
	public StoredReport produce(String projectId, YearMonth month, @Nullable Instant cutOff, String producedBy) {
		requireProject(projectId);
		requireNotFuture(month);
		Instant now = this.clock.instant();
		Instant cut = (cutOff != null) ? cutOff : now;
		if (cut.isAfter(now)) {
			throw new ProblemException(HttpStatus.BAD_REQUEST, "future-cut-off", cut, now);
		}
		this.store.lockProject(projectId);
		List<StoredReport> latest = latestPerMonth(projectId);
		Optional<StoredReport> lastProduced = latest.stream().max((a, b) -> a.cutOff().compareTo(b.cutOff()));
		if (lastProduced.isPresent() && cut.isBefore(lastProduced.get().cutOff())) {
			throw new ProblemException(HttpStatus.CONFLICT, "cut-off-before-last-report", cut,
					lastProduced.get().cutOff(), lastProduced.get().month());
		}
		List<Participant> known = this.participants.knownBefore(projectId, cut);
		Optional<YearMonth> expected = ResendPolicy.nextMonth(sentMonths(latest, known));
		if (expected.isPresent() && !expected.get().equals(month)) {
			throw new ProblemException(HttpStatus.CONFLICT, "report-out-of-order", month, expected.get());
		}
		List<FunderRow> rows = rows(known, month);
		byte[] content = csv(rows);
		int version = this.store.latest(projectId, month).map((r) -> r.version() + 1).orElse(1);
		StoredReport report = new StoredReport(UUID.randomUUID(), projectId, month, version, cut, now, producedBy,
				rows.size(), sha256(content), content);
		this.store.append(report);
		return report;
	}

	/** The report as it was sent: the latest version, or the one asked for. */
	public StoredReport asReported(String projectId, YearMonth month, @Nullable Integer version) {
		requireProject(projectId);
		Optional<StoredReport> report = (version != null) ? this.store.version(projectId, month, version)
				: this.store.latest(projectId, month);
		return report.orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND, "no-report", projectId, month));
	}

	/** The month recomputed from every event known now, corrections applied. */
	public byte[] asCorrected(String projectId, YearMonth month) {
		requireProject(projectId);
		requireNotFuture(month);
		return csv(rows(this.participants.knownBefore(projectId, this.clock.instant()), month));
	}

	/** What differs between the latest report sent for the month and the month as now. */
	public MonthDifferences differences(String projectId, YearMonth month) {
		StoredReport sent = asReported(projectId, month, null);
		List<Participant> now = this.participants.knownBefore(projectId, this.clock.instant());
		List<RowDifference> differences = RowDifference.between(FunderRow.COLUMNS, ReportCsv.rowsByKey(sent.content()),
				ReportCsv.rowsByKey(csv(rows(now, month))));
		List<YearMonth> resend = ResendPolicy.monthsToResend(sentMonths(latestPerMonth(projectId), now));
		return new MonthDifferences(projectId, month, sent.summary(), differences, resend);
	}

	/** Every report produced, and what must be sent next. */
	public ReportOverview overview(String projectId) {
		requireProject(projectId);
		List<StoredReport> all = this.store.all(projectId);
		List<SentMonth> sent = sentMonths(latestPerMonth(all),
				this.participants.knownBefore(projectId, this.clock.instant()));
		return new ReportOverview(projectId, all.stream().map(StoredReport::summary).toList(),
				ResendPolicy.monthsToResend(sent), ResendPolicy.nextMonth(sent).orElse(null));
	}

	private List<StoredReport> latestPerMonth(String projectId) {
		return latestPerMonth(this.store.all(projectId));
	}

	private static List<StoredReport> latestPerMonth(List<StoredReport> all) {
		Map<YearMonth, StoredReport> latest = new LinkedHashMap<>();
		all.forEach((report) -> latest.put(report.month(), report));
		return new ArrayList<>(latest.values());
	}

	private static List<SentMonth> sentMonths(List<StoredReport> latest, List<Participant> known) {
		return latest.stream()
			.map((report) -> new SentMonth(report.month(), report.producedAt(),
					!Arrays.equals(report.content(), csv(rows(known, report.month())))))
			.toList();
	}

	static List<FunderRow> rows(List<Participant> participants, YearMonth month) {
		return participants.stream().flatMap((p) -> FunderRow.of(p, month).stream()).toList();
	}

	static byte[] csv(List<FunderRow> rows) {
		return ReportCsv.write(FunderRow.COLUMNS, rows.stream().map(FunderRow::values).toList());
	}

	static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private void requireProject(String projectId) {
		if (this.catalog.current(projectId).isEmpty()) {
			throw new ProblemException(HttpStatus.NOT_FOUND, "unknown-project", projectId);
		}
	}

	private void requireNotFuture(YearMonth month) {
		YearMonth current = YearMonth.now(this.clock);
		if (month.isAfter(current)) {
			throw new ProblemException(HttpStatus.BAD_REQUEST, "future-month", month, current);
		}
	}

	/** The month's differences and the months that must be sent again, oldest first. */
	public record MonthDifferences(String projectId, YearMonth month, StoredReport.Summary reported,
			List<RowDifference> differences, List<YearMonth> monthsToResend) {

	}

	/**
	 * The reports of a project: every version produced, what to resend, what comes next.
	 */
	public record ReportOverview(String projectId, List<StoredReport.Summary> reports, List<YearMonth> monthsToResend,
			@Nullable YearMonth nextMonth) {

	}

}
