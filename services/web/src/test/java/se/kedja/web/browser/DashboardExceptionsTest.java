package se.kedja.web.browser;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A quality goal's exceptions on the manager's dashboard: the cases progress-service
 * lists as breaking the goal's rule, each under its pseudonym with the reason in the
 * page's language and the date in its format, live and as of a day.
 */
class DashboardExceptionsTest extends BrowserTest {

	// what a manager reads for each reason code, in Swedish and English
	private static final Map<String, Map<String, String>> REASONS = Map.of("no-plan",
			Map.of("sv", "Handlingsplan saknas", "en", "No action plan"), "plan-late",
			Map.of("sv", "Handlingsplanen kom för sent", "en", "The action plan came too late"),
			"accessibility-not-reviewed",
			Map.of("sv", "Tillgängligheten gicks inte igenom vid uppföljning", "en",
					"Accessibility was not reviewed at a follow-up"),
			"no-responsible-actor", Map.of("sv", "Ingen ansvarig aktör", "en", "No responsible actor"));

	/** The zone in which progress-service's days begin (its default). */
	static final ZoneId PROGRESS_ZONE = ZoneId.of("Europe/Stockholm");

	private static final Map<String, String> PSEUDONYM = Map.of("sv", "Deltagare ", "en", "Participant ");

	@Test
	void a_quality_goals_exceptions_are_listed_with_the_reason_in_words_in_swedish_and_english() {
		// the demo is recorded today: the day before, there was no demo project
		String today = LocalDate.now(PROGRESS_ZONE).toString();
		for (String language : List.of("sv", "en")) {
			signIn(MANAGER, language);
			for (String page : List.of("/dashboard?project=" + demo.id(),
					"/dashboard?project=" + demo.id() + "&asOf=" + today)) {
				// the demo reaches progress-service through Kafka, corrections last: the
				// page must show a case of the service's own list as it is then
				waitFor(() -> {
					JsonNode goal = goalWithExceptions(page.contains("asOf") ? today : null);
					open(page);
					return goal != null && listed(goal, goal.path("exceptions").path("cases").path(0), language);
				}, language + " " + page + ": a quality goal's first exception, as progress-service lists it",
						Duration.ofMinutes(3));
			}
		}
	}

	@Test
	void the_live_figures_that_replace_the_page_carry_the_exceptions() {
		signIn(MANAGER, "sv");
		waitFor(() -> {
			JsonNode goal = goalWithExceptions(null);
			// what the page fetches when progress-service says the figures changed
			open("/dashboard/" + demo.id() + "/figures");
			return goal != null && listed(goal, goal.path("exceptions").path("cases").path(0), "sv");
		}, "the exceptions in the figures the live page swaps in", Duration.ofMinutes(3));
	}

	/**
	 * What the open page shows of one goal's exceptions, read in one script call: the
	 * live page swaps its figures in whenever progress-service says they changed, and
	 * element-by-element reads straddling such a swap would see parts of two pages.
	 */
	private static final String SNAPSHOT = """
			const goal = document.getElementById(arguments[0]);
			const tables = goal ? goal.querySelectorAll('.exceptions table') : [];
			if (tables.length !== 1) { return null; }
			const table = tables[0];
			const region = table.parentElement;
			const caption = table.querySelector('caption');
			const heading = goal.querySelector('.exceptions h3');
			return {
				role: region.getAttribute('role'),
				tabindex: region.getAttribute('tabindex'),
				labelledBy: region.getAttribute('aria-labelledby'),
				captionId: caption.id,
				caption: caption.innerText,
				heading: heading ? heading.innerText : '',
				links: table.querySelectorAll('a').length,
				rows: Array.from(table.querySelectorAll('tbody tr')).map((row) =>
					row.querySelector('th').innerText.trim() + ' | '
					+ row.querySelectorAll('td')[0].innerText.trim() + ' | '
					+ row.querySelectorAll('td')[1].innerText.trim())
			};
			""";

	/**
	 * Whether the open page shows the goal's exceptions: their number, a labelled table
	 * with one row per listed case, and this case under its pseudonym (no link: a manager
	 * does not open participants' pages) with the reason and date in words.
	 */
	@SuppressWarnings("unchecked")
	private static boolean listed(JsonNode goal, JsonNode exception, String language) {
		String id = goal.path("id").asString();
		JsonNode exceptions = goal.path("exceptions");
		Map<String, Object> shown = (Map<String, Object>) ((JavascriptExecutor) browser).executeScript(SNAPSHOT,
				"goal-" + id);
		if (shown == null) {
			return false;
		}
		assertThat(shown.get("role")).isEqualTo("region");
		assertThat(shown.get("tabindex")).isEqualTo("0");
		assertThat(shown.get("labelledBy")).isEqualTo(shown.get("captionId"));
		assertThat((String) shown.get("caption")).contains(goal.path("title").asString());
		String participant = PSEUDONYM.get(language) + exception.path("participantId").asString().substring(0, 8);
		String reason = REASONS.get(exception.path("reason").asString()).get(language);
		String date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
			.withLocale(Locale.forLanguageTag(language))
			.format(LocalDate.parse(exception.path("date").asString()));
		List<String> rows = (List<String>) shown.get("rows");
		boolean matches = ((String) shown.get("heading")).trim().endsWith(": " + exceptions.path("count").asLong())
				&& rows.size() == exceptions.path("cases").size()
				&& rows.contains(participant + " | " + reason + " | " + date);
		if (matches) {
			assertThat((Long) shown.get("links")).as("links to participants' pages for a manager").isZero();
		}
		return matches;
	}

	/**
	 * The first quality goal with an exception in progress-service's own answer, or null
	 * while there is none.
	 */
	private static JsonNode goalWithExceptions(String asOf) {
		try {
			HttpResponse<String> response = HTTP.send(HttpRequest
				.newBuilder(URI.create(KedjaBackend.get().url("progress-service") + "/api/projects/" + demo.id()
						+ "/progress" + ((asOf != null) ? "?asOf=" + asOf : "")))
				.header("Authorization", "Bearer " + KedjaBackend.get().devToken(MANAGER))
				.build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				// not yet: the project's definition reaches progress-service through
				// Kafka
				return null;
			}
			for (JsonNode goal : JSON.readTree(response.body()).path("goals")) {
				if (goal.path("exceptions").path("count").asLong() > 0) {
					return goal;
				}
			}
			return null;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
