package se.kedja.progress.exports;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import se.kedja.progress.goals.GoalProgress;
import se.kedja.progress.goals.GoalProgress.BucketFigure;
import se.kedja.progress.goals.Target;
import se.kedja.progress.intake.Participant;
import se.kedja.progress.projects.ProjectProgress;
import se.kedja.progress.reports.FunderRow;

/**
 * What every export shows, as it stood on one day: the goals with their breakdowns (the
 * same figures as {@code GET /progress?asOf=}) and the participants, pseudonymous, with
 * the funder's attributes.
 */
record ProgressExport(ProjectProgress progress, List<Participant> participants) {

	static final List<String> GOAL_COLUMNS = List.of("goal", "title", "kind", "unit", "actual", "target", "status",
			"forecast", "met", "of", "pending");

	static final List<String> BREAKDOWN_COLUMNS = List.of("goal", "breakdown", "bucket", "actual", "met", "of",
			"pending");

	static final List<String> PARTICIPANT_COLUMNS = List.of("deltagare", "anordnare", "startdatum", "slutdatum", "kon",
			"fodelsear", "aldersgrupp", "kommun", "malgrupper", "situation_vid_start", "utbildningsniva_isced",
			"langtidsarbetslos", "funktionsnedsattning", "utlandsk_bakgrund", "avslutsorsak", "utfall_vid_avslut");

	/** One line per goal; {@code actual} and counts are numbers, the rest text. */
	List<List<Object>> goalLines() {
		List<List<Object>> lines = new ArrayList<>();
		for (GoalProgress goal : this.progress.goals()) {
			lines.add(List.of(goal.id(), goal.title(), goal.kind(), goal.unit(), goal.actual(), target(goal.target()),
					goal.status().label(), (goal.forecast() != null) ? goal.forecast() : "", goal.met(), goal.of(),
					goal.pending()));
		}
		return lines;
	}

	/** One line per goal, breakdown and bucket, gender first as the goals have them. */
	List<List<Object>> breakdownLines() {
		List<List<Object>> lines = new ArrayList<>();
		for (GoalProgress goal : this.progress.goals()) {
			goal.breakdowns().forEach((breakdown, buckets) -> {
				for (BucketFigure bucket : buckets) {
					lines.add(List.of(goal.id(), breakdown, bucket.bucket(), bucket.actual(), bucket.met(), bucket.of(),
							bucket.pending()));
				}
			});
		}
		return lines;
	}

	List<List<Object>> participantLines() {
		List<List<Object>> lines = new ArrayList<>();
		for (Participant p : this.participants) {
			boolean consented = Boolean.TRUE.equals(p.consentToStatistics());
			List<Object> line = new ArrayList<>();
			line.add(p.participantId());
			line.add(text(p.site()));
			line.add(p.enrolledOn().toString());
			line.add((p.exitedOn() != null) ? p.exitedOn().toString() : "");
			line.add(p.gender());
			line.add((p.birthYear() != null) ? (Object) p.birthYear() : "");
			line.add(p.ageBand());
			line.add(text(p.municipality()));
			line.add(String.join(",", p.targetGroups()));
			line.add(String.join(",", p.entrySituations()));
			line.add(text(p.isced()));
			line.add(FunderRow.longTermUnemployed(p) ? "J" : "N");
			line.add(consented ? yesNo(p.disability()) : "");
			line.add(consented ? yesNo(p.foreignBackground()) : "");
			line.add(text(p.exitReason()));
			line.add(text(p.outcome()));
			lines.add(line);
		}
		return lines;
	}

	static String target(Target target) {
		if (target.percent() != null) {
			return "≥ " + number(target.percent()) + " %";
		}
		if (target.atLeast() != null) {
			return "≥ " + target.atLeast();
		}
		if (target.min() != null || target.max() != null) {
			return text(target.min()) + "–" + text(target.max());
		}
		return "";
	}

	static String number(double value) {
		return (value == Math.rint(value) && !Double.isInfinite(value)) ? Long.toString((long) value)
				: Double.toString(value);
	}

	private static String yesNo(@Nullable Boolean value) {
		return (value == null) ? "" : (value ? "J" : "N");
	}

	private static String text(@Nullable Object value) {
		return (value != null) ? value.toString() : "";
	}

}
