package se.kedja.progress.reports;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import se.kedja.support.problem.ProblemException;

/**
 * The file that goes to the funder: a stored report, row for row, with the pseudonymous
 * id replaced by the personnummer that case-service resolves for the caller. It is built
 * on request and never kept here.
 */
@Service
class FunderFiles {

	private final MonthlyReports reports;

	private final CaseServiceIdentities identities;

	FunderFiles(MonthlyReports reports, CaseServiceIdentities identities) {
		this.reports = reports;
		this.identities = identities;
	}

	byte[] build(String projectId, YearMonth month, @Nullable Integer version, String purpose, Caller caller) {
		if (purpose.isBlank()) {
			throw new ProblemException(HttpStatus.BAD_REQUEST, "purpose-required");
		}
		StoredReport report = this.reports.asReported(projectId, month, version);
		List<List<String>> lines = ReportCsv.read(report.content());
		List<String> ids = lines.subList(1, lines.size()).stream().map((row) -> row.get(0)).toList();
		Map<String, String> personnummer = this.identities.resolve(report, purpose, ids, caller);
		List<String> header = new ArrayList<>(lines.get(0));
		header.set(0, "personnummer");
		List<List<String>> rows = new ArrayList<>();
		for (List<String> line : lines.subList(1, lines.size())) {
			List<String> row = new ArrayList<>(line);
			row.set(0, personnummer.get(line.get(0)));
			rows.add(row);
		}
		return ReportCsv.write(header, rows);
	}

}
