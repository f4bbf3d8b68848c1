package se.kedja.progress.reports;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import se.kedja.progress.intake.Participant;

/**
 * One participant's line in the monthly report: started and/or left in the month, with
 * the attributes the funder asks for. {@code values} follow {@link #COLUMNS}; the first
 * is the pseudonymous participant id, which only case-service can turn into a
 * personnummer.
 */
public record FunderRow(String participantId, List<String> values) {

	/** SCB-like column order (Swedish names, as the funder's template has them). */
	public static final List<String> COLUMNS = List.of("deltagare", "startdatum", "slutdatum", "kon", "fodelsear",
			"alder_vid_start", "kommun", "situation_vid_start", "utbildningsniva_isced", "langtidsarbetslos",
			"under_25", "over_54", "funktionsnedsattning", "utlandsk_bakgrund", "avslutsorsak", "utfall_vid_avslut");

	private static final Map<String, String> GENDER = Map.of("FEMALE", "K", "MALE", "M", "OTHER", "X");

	public FunderRow {
		values = List.copyOf(values);
	}

	/** The participant's row for the month, if they started or left in it. */
	public static Optional<FunderRow> of(Participant p, YearMonth month) {
		boolean started = YearMonth.from(p.enrolledOn()).equals(month);
		LocalDate exitedOn = p.exitedOn();
		boolean left = exitedOn != null && YearMonth.from(exitedOn).equals(month);
		if (!started && !left) {
			return Optional.empty();
		}
		Integer age = (p.birthYear() != null) ? p.enrolledOn().getYear() - p.birthYear() : null;
		boolean consented = Boolean.TRUE.equals(p.consentToStatistics());
		List<String> values = new ArrayList<>();
		values.add(p.participantId());
		values.add(started ? p.enrolledOn().toString() : "");
		values.add(left ? exitedOn.toString() : "");
		values.add(GENDER.getOrDefault(p.gender(), ""));
		values.add(text(p.birthYear()));
		values.add(text(age));
		values.add(text(p.municipality()));
		values.add(String.join(",", p.entrySituations().stream().sorted().toList()));
		values.add((p.isced() != null) ? p.isced().replace("ISCED_", "").replace('_', '-') : "");
		values.add(yesNo(longTermUnemployed(p)));
		values.add((age != null) ? yesNo(age < 25) : "");
		values.add((age != null) ? yesNo(age > 54) : "");
		values.add(consented ? yesNo(p.disability()) : "");
		values.add(consented ? yesNo(p.foreignBackground()) : "");
		values.add(left ? text(p.exitReason()) : "");
		values.add(left ? text(p.outcome()) : "");
		return Optional.of(new FunderRow(p.participantId(), values));
	}

	/** Long-term unemployed (långtidsarbetslös) as the ESF indicators count it. */
	public static boolean longTermUnemployed(Participant p) {
		return p.entrySituations().contains("LONG_TERM_UNEMPLOYED") || p.entrySituations().contains("FAS3");
	}

	private static String yesNo(@Nullable Boolean value) {
		return (value == null) ? "" : (value ? "J" : "N");
	}

	private static String text(@Nullable Object value) {
		return (value != null) ? value.toString() : "";
	}

}
