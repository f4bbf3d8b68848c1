package se.kedja.web.browser;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web app in a real headless Chromium against the real services, as each test class
 * of this package uses it: the demo accounts, the SESAM demo, signing in as a person
 * would, and an axe-core scan for WCAG 2.1 A and AA. Every class shares one backend and
 * one web app (the same configuration, so one Spring context).
 */
@ExtendWith(RequiresBrowserAndServices.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
abstract class BrowserTest {

	protected static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

	// the identity service's demo accounts, one per role
	protected static final String COACH = "coach@demo.kedja";

	protected static final String MANAGER = "manager@demo.kedja";

	protected static final String AUDITOR = "auditor@demo.kedja";

	protected static final String ADMIN = "admin@demo.kedja";

	protected static final JsonMapper JSON = JsonMapper.builder().build();

	protected static final HttpClient HTTP = HttpClient.newHttpClient();

	protected static ChromeDriver browser;

	protected static DemoProject demo;

	@DynamicPropertySource
	static void services(DynamicPropertyRegistry registry) {
		KedjaBackend backend = KedjaBackend.get();
		registry.add("kedja.services.case-service", () -> backend.url("case-service"));
		registry.add("kedja.services.progress-service", () -> backend.url("progress-service"));
		registry.add("kedja.services.audit-service", () -> backend.url("audit-service"));
		registry.add("kedja.identity.issuer", backend::issuer);
		registry.add("server.port", backend::webPort);
	}

	@BeforeAll
	static void loadTheDemoAndOpenTheBrowser() throws IOException, InterruptedException {
		KedjaBackend backend = KedjaBackend.get();
		for (String project : List.of("orangeriet", "sesam")) {
			for (String account : List.of(COACH, MANAGER, AUDITOR)) {
				assign(account, project);
			}
		}
		demo = DemoProject.sesam(backend);
		browser = Browser.start();
	}

	@AfterAll
	static void closeBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	@RegisterExtension
	static final TestWatcher PAGE_ON_FAILURE = new TestWatcher() {
		@Override
		public void testFailed(ExtensionContext context, Throwable cause) {
			if (browser != null) {
				try {
					Files.writeString(Path.of("target", context.getRequiredTestMethod().getName() + ".html"),
							browser.getCurrentUrl() + "\n" + browser.getPageSource());
				}
				catch (IOException ex) {
					// the failure itself is reported
				}
			}
		}
	};

	protected static void signIn(String account, String language) {
		signIn(account);
		browser.manage().addCookie(new Cookie("kedja-language", language));
	}

	protected static void scan(List<String> pages, String language, List<String> violations) {
		for (String page : pages) {
			open(page);
			assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).as(page).isEqualTo(language);
			violations.addAll(axe(language + " " + page));
		}
	}

	protected static List<String> axe(String where) {
		Results results = new AxeBuilder().withTags(WCAG_21_AA).analyze(browser);
		List<String> found = new ArrayList<>();
		for (Rule rule : results.getViolations()) {
			found.add(where + ": " + rule.getId() + " – " + rule.getHelp() + " "
					+ rule.getNodes().stream().map((node) -> node.getTarget().toString()).toList());
		}
		return found;
	}

	/** What case-service itself answers, to check the pages against. */
	protected static JsonNode caseService(String path) throws IOException, InterruptedException {
		HttpResponse<String> response = HTTP
			.send(HttpRequest.newBuilder(URI.create(KedjaBackend.get().url("case-service") + path))
				.header("Authorization", "Bearer " + KedjaBackend.get().demoLoaderToken())
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
		return JSON.readTree(response.body());
	}

	/**
	 * Signs in on the identity service's own page, as a person would, after signing out
	 * of everything (the web app and the identity service share the host's cookies).
	 */
	protected static void signIn(String account) {
		open("/css/kedja.css");
		browser.manage().deleteAllCookies();
		open("/");
		waitFor(() -> !browser.findElements(By.id("username")).isEmpty(), "the identity service's sign-in page");
		browser.findElement(By.id("username")).sendKeys(account);
		browser.findElement(By.id("password")).sendKeys(KedjaBackend.PASSWORD);
		browser.findElement(By.cssSelector("button[type=submit]")).click();
		waitFor(() -> browser.getCurrentUrl().startsWith("http://localhost:" + KedjaBackend.get().webPort() + "/")
				&& !browser.findElements(By.cssSelector("form.who")).isEmpty(),
				"signed in to the web app as " + account);
	}

	/**
	 * An administrator's assignment of a person to a project, which their token then
	 * carries.
	 */
	protected static void assign(String account, String project) throws IOException, InterruptedException {
		HttpResponse<String> response = HTTP.send(HttpRequest
			.newBuilder(URI.create(
					KedjaBackend.get().url("case-service") + "/api/projects/" + project + "/assignments/" + account))
			.header("Authorization", "Bearer " + KedjaBackend.get().demoLoaderToken())
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString("{\"sites\":[]}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isBetween(200, 201);
	}

	protected static void open(String path) {
		browser.get("http://localhost:" + KedjaBackend.get().webPort() + path);
	}

	protected static void type(String id, String value) {
		WebElement input = browser.findElement(By.id(id));
		if ("date".equals(input.getAttribute("type"))) {
			// typing into a date input follows the browser's locale; set the ISO value
			((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]", input, value);
			return;
		}
		input.clear();
		input.sendKeys(value);
	}

	protected static void choose(String id, String value) {
		new Select(browser.findElement(By.id(id))).selectByValue(value);
	}

	protected static void submit() {
		clickAndAwaitAnswer(browser.findElement(By.cssSelector("main form button[type=submit]")));
	}

	/**
	 * Clicks a button that posts a form, or a link, and waits as {@link #submit()} does:
	 * until the page that was showing is gone.
	 */
	protected static void clickAndAwaitAnswer(WebElement button) {
		WebElement page = browser.findElement(By.tagName("html"));
		button.click();
		// a form post answers with a new page: wait until the old one is gone, so that
		// what
		// the test reads next is the answer (a submit that stays on the page just waits)
		try {
			new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.stalenessOf(page));
		}
		catch (org.openqa.selenium.TimeoutException ex) {
			// no new page: the form was answered in place
		}
	}

	protected static String text(String css) {
		return browser.findElement(By.cssSelector(css)).getText();
	}

	// the machines that run these are slow and shared: wait for what is expected,
	// generously
	protected static void waitFor(BooleanSupplier condition, String what) {
		waitFor(condition, what, Duration.ofSeconds(60));
	}

	protected static void waitFor(BooleanSupplier condition, String what, Duration timeout) {
		new WebDriverWait(browser, timeout, Duration.ofMillis(500)).withMessage(what)
			.ignoring(StaleElementReferenceException.class)
			.ignoring(NoSuchElementException.class)
			.until((driver) -> condition.getAsBoolean());
	}

}
