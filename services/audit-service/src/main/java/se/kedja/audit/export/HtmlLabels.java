package se.kedja.audit.export;

import java.util.Locale;
import java.util.Map;

/** The words of the printed history, in Swedish or English. */
record HtmlLabels(String language, Map<String, String> words) {

	static final Locale SWEDISH = Locale.forLanguageTag("sv");

	private static final Map<String, String> SV = Map.ofEntries(Map.entry("title", "Ärendehistorik"),
			Map.entry("participant", "Deltagare"), Map.entry("exportedAt", "Utskriven"),
			Map.entry("exportedBy", "Utskriven av"), Map.entry("purpose", "Ändamål"), Map.entry("chain", "Hashkedja"),
			Map.entry("intact", "obruten"), Map.entry("broken", "BRUTEN"), Map.entry("sequence", "Nr"),
			Map.entry("type", "Händelse"), Map.entry("businessDate", "Inträffade"),
			Map.entry("recordedAt", "Registrerad"), Map.entry("recordedBy", "Registrerad av"),
			Map.entry("details", "Uppgifter"), Map.entry("correction", "Rättelse av"), Map.entry("reason", "Skäl"),
			Map.entry("changed", "Ändrat"), Map.entry("finding", "Avvikelse"), Map.entry("events", "händelser"));

	private static final Map<String, String> EN = Map.ofEntries(Map.entry("title", "Case history"),
			Map.entry("participant", "Participant"), Map.entry("exportedAt", "Exported"),
			Map.entry("exportedBy", "Exported by"), Map.entry("purpose", "Purpose"), Map.entry("chain", "Hash chain"),
			Map.entry("intact", "intact"), Map.entry("broken", "BROKEN"), Map.entry("sequence", "No."),
			Map.entry("type", "Event"), Map.entry("businessDate", "Happened"), Map.entry("recordedAt", "Recorded"),
			Map.entry("recordedBy", "Recorded by"), Map.entry("details", "Details"),
			Map.entry("correction", "Correction of"), Map.entry("reason", "Reason"), Map.entry("changed", "Changed"),
			Map.entry("finding", "Finding"), Map.entry("events", "events"));

	static HtmlLabels of(Locale locale) {
		return "sv".equals(locale.getLanguage()) ? new HtmlLabels("sv", SV) : new HtmlLabels("en", EN);
	}

	String get(String key) {
		return words.getOrDefault(key, key);
	}

}
