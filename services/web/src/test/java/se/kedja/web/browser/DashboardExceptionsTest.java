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
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
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
	@org.junit.jupiter.api.Disabled("flaky: in CI at 70a4d1d on a quiet machine the page's first exception never matched progress-service's answer within 180 s while the live update kept replacing the table; not yet understood")
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
	 * Whether the open page shows the goal's exceptions: their number, a labelled table
	 * with one row per listed case, and this case under its pseudonym (no link: a manager
	 * does not open participants' pages) with the reason and date in words.
	 */
	private static boolean listed(JsonNode goal, JsonNode exception, String language) {
		String id = goal.path("id").asString();
		JsonNode exceptions = goal.path("exceptions");
		List<WebElement> tables = browser.findElements(By.cssSelector("#goal-" + id + " .exceptions table"));
		if (tables.size() != 1) {
			return false;
		}
		WebElement table = tables.get(0);
		WebElement region = table.findElement(By.xpath(".."));
		assertThat(region.getAttribute("role")).isEqualTo("region");
		assertThat(region.getAttribute("tabindex")).isEqualTo("0");
		assertThat(region.getAttribute("aria-labelledby"))
			.isEqualTo(table.findElement(By.tagName("caption")).getAttribute("id"));
		assertThat(table.findElement(By.tagName("caption")).getText()).contains(goal.path("title").asString());
		String participant = PSEUDONYM.get(language) + exception.path("participantId").asString().substring(0, 8);
		String reason = REASONS.get(exception.path("reason").asString()).get(language);
		String date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
			.withLocale(Locale.forLanguageTag(language))
			.format(LocalDate.parse(exception.path("date").asString()));
		List<WebElement> rows = table.findElements(By.cssSelector("tbody tr"));
		boolean shown = text("#goal-" + id + " .exceptions h3").endsWith(": " + exceptions.path("count").asLong())
				&& rows.size() == exceptions.path("cases").size()
				&& rows.stream()
					.map((row) -> row.findElements(By.tagName("th")).get(0).getText() + " | "
							+ row.findElements(By.tagName("td")).get(0).getText() + " | "
							+ row.findElements(By.tagName("td")).get(1).getText())
					.anyMatch((row) -> row.equals(participant + " | " + reason + " | " + date));
		if (shown) {
			assertThat(table.findElements(By.tagName("a"))).as("links to participants' pages for a manager").isEmpty();
		}
		return shown;
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
