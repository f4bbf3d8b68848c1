package se.kedja.web.browser;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each role's main journey in a real headless Chromium, against the real services, with
 * an axe-core scan of every page in Swedish and English.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebJourneysTest extends BrowserTest {

	private static final Path SCREENSHOTS = Path.of("..", "..", "docs", "screenshots");

	private static final AtomicInteger PEOPLE = new AtomicInteger(1);

	private static String participant;

	@Test
	@Order(1)
	void a_coach_enrols_a_participant_and_records_a_plan_a_follow_up_and_an_exit() {
		signIn(COACH);
		open("/caseload?project=orangeriet");
		assertThat(browser.getTitle()).as(browser.getCurrentUrl() + "\n" + browser.getPageSource())
			.contains("Mina ärenden");
		clickAndAwaitAnswer(browser.findElement(By.linkText("Skriv in en deltagare")));
		assertThat(browser.getCurrentUrl()).endsWith("/projects/orangeriet/enrol");
		participant = enrol("Kim Testsson");
		assertThat(text("h1")).isEqualTo("Kim Testsson");
		assertThat(text(".facts")).contains("Orangeriet");
		// the timeline and plan are audit-service's copy of the events, which arrives
		// through Kafka a moment after the enrolment
		waitFor(() -> {
			open("/participants/" + participant);
			return text("main").contains("Ingen handlingsplan ännu");
		}, "the new case's timeline on the participant's page");

		form("plan");
		type("f-agreedOn", "2010-03-10");
		type("f-goals-0--key", "eget-arbete");
		choose("f-goals-0--area", "WORK");
		choose("f-plannedActivities-0--type", "WORK_TRAINING");
		choose("f-accessibilityNeeds-0--area", "INFORMATIVE");
		browser.findElement(By.id("f-accessibilityNeeds-0--adapted")).click();
		submit();
		assertThat(text("[role=status]")).contains("Sparat: Handlingsplan");
		// the plan shown is audit-service's copy of the events, which arrives through
		// Kafka
		waitFor(() -> {
			open("/participants/" + participant);
			return text("main").contains("eget-arbete (Arbete)");
		}, "the plan on the participant's page");
		assertThat(text("main")).contains("Informativ tillgänglighet: anpassat");

		form("follow-up");
		type("f-heldOn", "2010-04-12");
		choose("f-progress-0--goalKey", "eget-arbete");
		choose("f-progress-0--level", "STARTED");
		browser.findElement(By.id("f-accessibilityReviewed-yes")).click();
		choose("f-ownAssessment", "BETTER");
		submit();
		assertThat(text("[role=status]")).contains("Sparat: Uppföljning");

		form("exit");
		type("f-exitedOn", "2010-09-30");
		choose("f-reason", "PLAN_COMPLETED");
		choose("f-outcome", "EMPLOYMENT");
		submit();
		assertThat(text("[role=status]")).contains("Sparat: Avslut");
		assertThat(text(".facts")).contains("Avslutad");

		// the caseload comes back to the project the coach was working in
		open("/caseload");
		assertThat(new Select(browser.findElement(By.id("project"))).getFirstSelectedOption().getAttribute("value"))
			.isEqualTo("orangeriet");
		assertThat(text("table")).contains("Kim Testsson").contains("Orangeriet Finspång");

		// the timeline is audit-service's copy of the events, which arrives through Kafka
		waitFor(() -> {
			open("/participants/" + participant);
			return text(".timeline").contains("Avslut");
		}, "the exit in the timeline");
		assertThat(text(".timeline")).contains("Inskrivning").contains("Handlingsplan").contains("Uppföljning");
	}

	@Test
	@Order(2)
	void a_coach_sees_a_demo_projects_caseload_with_what_is_due_first() {
		signIn(COACH);
		waitFor(() -> {
			open("/caseload?project=" + demo.id());
			return browser.findElements(By.cssSelector("table tbody tr")).size() == demo.participants();
		}, "the demo's " + demo.participants() + " participants in the caseload", Duration.ofMinutes(3));
		assertThat(text("caption")).contains("SESAM");
		screenshot("caseload.png");
		new Select(browser.findElement(By.id("status"))).selectByValue("EXITED");
		waitFor(() -> browser.getCurrentUrl().contains("status=EXITED")
				&& browser.findElements(By.cssSelector("table tbody tr"))
					.stream()
					.allMatch((row) -> row.getText().contains("Avslutad")),
				"the caseload filtered to exited participants");
	}

	@Test
	@Order(3)
	void bad_input_shows_the_error_beside_its_field_and_keeps_what_was_typed() {
		signIn(COACH);
		open("/participants/" + participant + "/forms/referral");
		browser.findElement(By.id("f-referredOn")).clear();
		choose("f-purpose", "HEALTH_CARE");
		submit();
		WebElement date = browser.findElement(By.id("f-referredOn"));
		assertThat(date.getAttribute("aria-invalid")).isEqualTo("true");
		String describedBy = date.getAttribute("aria-describedby");
		assertThat(describedBy).contains("f-referredOn-error");
		assertThat(browser.findElement(By.id("f-referredOn-error")).getText()).isNotBlank();
		assertThat(new Select(browser.findElement(By.id("f-purpose"))).getFirstSelectedOption().getAttribute("value"))
			.isEqualTo("HEALTH_CARE");
		assertThat(browser.findElements(By.cssSelector(".error-summary a")))
			.anyMatch((link) -> link.getAttribute("href").endsWith("#f-referredOn"));
		assertThat(browser.getTitle()).startsWith("Fel:");
	}

	@Test
	@Order(4)
	void a_double_submit_records_once() throws Exception {
		signIn(COACH);
		long version = caseService("/api/participants/" + participant).path("version").asLong();
		open("/participants/" + participant + "/forms/survey-answer");
		type("f-answeredOn", "2010-10-01");
		type("f-answer", "yes");
		// both posts are answered only after case-service has committed what it records
		Object statuses = ((JavascriptExecutor) browser)
			.executeAsyncScript("const done = arguments[arguments.length - 1];"
					+ "const f = document.querySelector('form.case-form'); const data = new URLSearchParams(new FormData(f));"
					+ "Promise.all([fetch(f.action, {method: 'POST', body: data}), fetch(f.action, {method: 'POST', body: data})])"
					+ ".then((answers) => done(answers.map((a) => a.status)), (error) => done(String(error)));");
		assertThat(statuses).asInstanceOf(InstanceOfAssertFactories.list(Long.class))
			.as("both posts answered without a server error")
			.hasSize(2)
			.allMatch((status) -> status < 500);
		assertThat(caseService("/api/participants/" + participant).path("version").asLong()).isEqualTo(version + 1);
		waitFor(() -> {
			open("/participants/" + participant);
			return text(".timeline").contains("Enkätsvar");
		}, "the survey answer in the timeline");
		assertThat(browser.findElements(By.xpath("//ol[@class='timeline']//strong[text()='Enkätsvar']"))).hasSize(1);
	}

	@Test
	@Order(5)
	void a_manager_sees_the_figure_change_without_reloading() throws Exception {
		signIn(MANAGER);
		String participants = "td[data-goal='participants']";
		waitFor(() -> {
			open("/dashboard?project=" + demo.id());
			return text(participants).equals(Long.toString(demo.participants()));
		}, "the demo's " + demo.participants() + " participants in the figures", Duration.ofMinutes(3));
		assertThat(browser.getTitle()).contains("Måluppfyllelse");
		// SESAM's plan goal aims for every participant: its target is printed, in the
		// page's number format, next to the outcome
		// (read again when the live page swaps its figures in mid-read)
		waitFor(() -> text("td[data-goal='individual-plan'] + td").equals("≥ 100 %")
				&& text("td[data-goal='participants'] + td").equals("100–150"),
				"SESAM's targets printed as ≥ 100 % and 100–150");
		// a breakdown's values in words, not the event contract's codes
		@SuppressWarnings("unchecked")
		List<String> values = (List<String>) ((JavascriptExecutor) browser)
			.executeScript("return Array.from(document.querySelectorAll('#goal-participants .breakdown tbody th'))"
					+ ".map((th) => th.innerText.trim())");
		assertThat(values).contains("Kvinna", "Man").doesNotContain("FEMALE", "MALE", "25_54", "55_PLUS");
		waitFor(() -> text("#live-status").contains("Siffrorna uppdaterades"), "the live stream to connect");
		screenshot("dashboard.png");
		((JavascriptExecutor) browser).executeScript("window.kedjaNotReloaded = true;");
		enrolThroughTheApi(demo.id());
		waitFor(() -> text(participants).equals(Long.toString(demo.participants() + 1)),
				"the participants figure to change from " + demo.participants());
		assertThat(((JavascriptExecutor) browser).executeScript("return window.kedjaNotReloaded === true"))
			.isEqualTo(true);
		assertThat(text("#live-status")).contains("Siffrorna uppdaterades");
		assertThat(browser.findElements(By.cssSelector("#figures .exceptions table tbody tr")))
			.as("the quality goals' exceptions in the figures swapped in")
			.isNotEmpty();
	}

	@Test
	@Order(6)
	void an_auditor_opens_a_demo_participants_history() throws Exception {
		String exited = caseService("/api/projects/" + demo.id() + "/participants?status=EXITED&size=1").path("items")
			.path(0)
			.path("participantId")
			.asString();
		signIn(AUDITOR);
		waitFor(() -> {
			open("/audit/participants/" + exited + "?purpose=ESF-granskning");
			return text("#history").contains("Avslut");
		}, "the demo participant's exit in the history", Duration.ofMinutes(2));
		assertThat(text(".facts")).contains("Obruten");
		screenshot("case-history.png");
	}

	@Test
	@Order(7)
	void an_auditor_opens_the_history_and_the_state_on_a_date() {
		signIn(AUDITOR);
		open("/audit");
		type("participant", participant);
		type("purpose", "ESF-granskning");
		submit();
		assertThat(browser.getTitle()).contains("Ärendets historik");
		// the exit reaches audit-service's copy through Kafka
		waitFor(() -> {
			if (text("#history").contains("Avslut")) {
				return true;
			}
			open("/audit/participants/" + participant + "?purpose=ESF-granskning");
			return false;
		}, "the coach's exit in the history");
		assertThat(text("#history")).contains("Inskrivning").contains("Avslut").contains(COACH);
		assertThat(text(".facts")).contains("Obruten");
		browser.findElement(By.id("mode-stood")).click();
		type("date", "2011-01-01");
		clickAndAwaitAnswer(browser.findElement(By.cssSelector("form[aria-labelledby=state-heading] button")));
		assertThat(text("#state")).contains("EXITED");
		browser.findElement(By.id("mode-known")).click();
		// today as the auditor's calendar has it: the web asks for what was recorded
		// before the next day began in Sweden (between 23:00 and 24:00 UTC in winter the
		// machine's UTC date is still yesterday there)
		type("date", LocalDate.now(ZoneId.of("Europe/Stockholm")).toString());
		clickAndAwaitAnswer(browser.findElement(By.cssSelector("form[aria-labelledby=state-heading] button")));
		assertThat(text("#state")).contains("EXITED");

		open("/audit/access-log");
		type("purpose", "Kontroll av åtkomst");
		type("participant", participant);
		submit();
		assertThat(text("table")).contains(AUDITOR).contains("ESF-granskning");
	}

	@Test
	@Order(8)
	void every_page_passes_axe_in_swedish_and_english() {
		List<String> coach = new ArrayList<>(List.of("/caseload", "/caseload?project=" + demo.id(),
				"/projects/orangeriet/enrol", "/participants/" + participant));
		for (String slug : List.of("plan", "activity", "follow-up", "referral", "transfer", "transfer-acceptance",
				"transfer-rejection", "consent", "pause", "resumption", "exit", "post-exit-follow-up", "survey-answer",
				"correction")) {
			coach.add("/participants/" + participant + "/forms/" + slug);
		}
		List<String> violations = new ArrayList<>();
		for (String language : List.of("sv", "en")) {
			signIn(COACH, language);
			scan(coach, language, violations);
			open("/participants/" + participant + "/forms/referral");
			browser.findElement(By.id("f-referredOn")).clear();
			submit();
			violations.addAll(axe(language + " referral form with an error"));
			// another role's page
			scan(List.of("/dashboard"), language, violations);

			signIn(MANAGER, language);
			scan(List.of("/dashboard", "/dashboard?project=orangeriet&asOf=2026-01-01"), language, violations);
			for (String dashboard : List.of("/dashboard?project=" + demo.id(), "/dashboard?project=" + demo.id()
					+ "&asOf=" + LocalDate.now(DashboardExceptionsTest.PROGRESS_ZONE))) {
				scan(List.of(dashboard), language, violations);
				assertThat(browser.findElements(By.cssSelector(".exceptions table tbody tr")))
					.as(dashboard + " scanned with a quality goal's exceptions")
					.isNotEmpty();
			}

			signIn(AUDITOR, language);
			scan(List.of("/audit", "/audit?participant=nonsense&purpose=",
					"/audit/participants/" + participant + "?purpose=axe",
					"/audit/participants/" + participant + "?purpose=axe&mode=stood&date="
							+ LocalDate.now(ZoneId.of("Europe/Stockholm")),
					"/audit/access-log", "/audit/access-log?purpose=axe"), language, violations);

			signIn(ADMIN, language);
			scan(List.of("/admin/projects"), language, violations);
			type("projectId", "trasig");
			type("definition", "id: trasig\nname: [unclosed\n");
			submit();
			violations.addAll(axe(language + " admin with definition errors"));
			scan(List.of("/admin/projects/orangeriet/assignments"), language, violations);
			type("userId", "x".repeat(201));
			browser.findElement(By.id("site-0")).click();
			submit();
			assertThat(browser.findElements(By.id("userId-error"))).as("the refused user id").hasSize(1);
			violations.addAll(axe(language + " assignments with an error"));
		}
		assertThat(violations).as("WCAG 2.1 A/AA violations").isEmpty();
	}

	@Test
	@Order(9)
	void an_administrator_sees_a_faulty_definition_refused_with_line_and_reason() {
		signIn(ADMIN);
		open("/admin/projects");
		type("projectId", "trasig");
		type("definition", "id: trasig\nname: Trasig\nperiodStart: not-a-date\n");
		submit();
		assertThat(text(".error-summary")).containsIgnoringCase("line");
		assertThat(text("table")).contains("Orangeriet");
	}

	@Test
	@Order(10)
	void each_role_has_its_own_menu_and_signing_out_signs_out_of_the_identity_service_too() {
		signIn(COACH);
		assertThat(text("nav")).contains("Mina ärenden").doesNotContain("Måluppfyllelse");
		open("/dashboard");
		assertThat(text("h1")).isEqualTo("Inte för din roll");
		browser.findElement(By.cssSelector("form.who button")).click();
		waitFor(() -> !browser.findElements(By.id("username")).isEmpty(), "the sign-in page after signing out");
		open("/caseload");
		waitFor(() -> !browser.findElements(By.id("username")).isEmpty(), "a new sign-in asked for");
	}

	private static String enrol(String name) {
		type("f-name", name);
		type("f-personnummer", personnummer());
		chooseFirst("f-siteId");
		chooseFirst("f-responsibleActor");
		choose("f-gender", "FEMALE");
		type("f-municipality", "0562");
		type("f-monthsWithoutWork", "14");
		type("f-enrolledOn", "2010-03-01");
		choose("f-isced", "ISCED_3_4");
		browser.findElement(By.id("f-consentToStatistics-yes")).click();
		submit();
		assertThat(browser.getCurrentUrl()).as(text("main")).contains("/participants/");
		String url = browser.getCurrentUrl();
		return url.substring(url.lastIndexOf('/') + 1);
	}

	private void enrolThroughTheApi(String project) throws IOException, InterruptedException {
		JsonNode definition = caseService("/api/projects/" + project).path("definition");
		JsonNode site = definition.path("sites").path(0);
		String body = """
				{"name":"Robin Prov","personnummer":"%s","siteId":"%s","coachId":"coach@demo.kedja",
				"responsibleActor":"%s","enrolledOn":"%s","gender":"MALE","municipality":"%s",
				"targetGroups":[],"entrySituations":["UNEMPLOYED"],"monthsWithoutWork":3,"isced":"ISCED_0_2",
				"consentToStatistics":true}""".formatted(personnummer(), id(site.path("id")),
				id(definition.path("responsibleActors").path(0).path("id")), LocalDate.now(ZoneOffset.UTC).minusDays(1),
				id(site.path("municipalities").path(0)));
		HttpResponse<String> response = HTTP.send(HttpRequest
			.newBuilder(
					URI.create(KedjaBackend.get().url("case-service") + "/api/projects/" + project + "/participants"))
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + KedjaBackend.get().demoLoaderToken())
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
	}

	/** A typed id, which the services write as {@code {"value": "x"}}. */
	private static String id(JsonNode node) {
		return node.has("value") ? node.path("value").asString() : node.asString();
	}

	/** A fictional personal identity number with a valid check digit. */
	private static String personnummer() {
		String digits = "%06d%03d".formatted(850101 + PEOPLE.get() % 27, 200 + PEOPLE.getAndIncrement());
		int sum = 0;
		for (int i = 0; i < digits.length(); i++) {
			int d = (digits.charAt(i) - '0') * ((i % 2 == 0) ? 2 : 1);
			sum += (d > 9) ? d - 9 : d;
		}
		return "19" + digits.substring(0, 6) + "-" + digits.substring(6) + ((10 - sum % 10) % 10);
	}

	private static void form(String slug) {
		open("/participants/" + participant + "/forms/" + slug);
	}

	private static void chooseFirst(String id) {
		new Select(browser.findElement(By.id(id))).selectByIndex(1);
	}

	private static void screenshot(String name) {
		Dimension size = browser.manage().window().getSize();
		try {
			long height = (Long) ((JavascriptExecutor) browser)
				.executeScript("return document.documentElement.scrollHeight");
			browser.manage().window().setSize(new Dimension(1280, (int) Math.min(Math.max(height, 800), 2400)));
			Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
			Files.createDirectories(SCREENSHOTS);
			Files.copy(shot, SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		finally {
			browser.manage().window().setSize(size);
		}
	}

}
