package se.kedja.web.browser;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;

import se.kedja.testsupport.TestInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The administrator's page of who works in a project and where: assigning a person to a
 * site and removing the assignment, a refusal shown beside its field, and a double submit
 * that changes the assignment once.
 */
class AssignmentJourneysTest extends BrowserTest {

	private static final String PAGE = "/admin/projects/orangeriet/assignments";

	@Test
	void an_administrator_assigns_a_person_to_a_site_and_removes_the_assignment() throws Exception {
		String person = "kim.prov@demo.kedja";
		signIn(ADMIN);
		open("/admin/projects");
		clickAndAwaitAnswer(browser.findElement(By.cssSelector("a[href$='" + PAGE + "']")));
		assertThat(browser.getTitle()).isEqualTo("Tilldelningar i Orangeriet – Kedja");
		type("userId", person);
		browser.findElement(By.cssSelector("label[for=site-1]")).click();
		submit();

		assertThat(text("[role=status]")).contains(person);
		assertThat(text("#assignments")).contains(person + " Orangeriet Katrineholm och Vingåker");
		assertThat(scopes(person)).containsExactly("orangeriet/katrineholm-vingaker");

		clickAndAwaitAnswer(browser.findElement(By.xpath("//tr[th='" + person + "']//button")));
		assertThat(text("[role=status]")).contains(person).contains("inte längre");
		assertThat(text("#assignments")).doesNotContain(person).contains(COACH);
		assertThat(scopes(person)).isEmpty();
		assertThat(logged(person)).containsExactly("assigned", "unassigned");
	}

	@Test
	void a_refused_assignment_shows_the_error_beside_its_field_and_keeps_what_was_typed() throws Exception {
		signIn(ADMIN);
		open(PAGE);
		String tooLong = "x".repeat(201) + "@demo.kedja";
		type("userId", tooLong);
		browser.findElement(By.id("site-0")).click();
		submit();

		WebElement user = browser.findElement(By.id("userId"));
		assertThat(browser.getTitle()).startsWith("Fel:");
		assertThat(user.getAttribute("aria-invalid")).isEqualTo("true");
		assertThat(user.getAttribute("aria-describedby")).contains("userId-error");
		assertThat(text("#userId-error")).contains("200 tecken");
		assertThat(user.getAttribute("value")).isEqualTo(tooLong);
		assertThat(browser.findElement(By.id("site-0")).isSelected()).isTrue();
		assertThat(browser.findElement(By.cssSelector(".error-summary a")).getAttribute("href")).endsWith("#userId");

		// a site the project no longer has, e.g. the definition changed after the page
		// was
		// shown: case-service refuses it
		String person = "robin.prov@demo.kedja";
		type("userId", person);
		((JavascriptExecutor) browser).executeScript("document.getElementById('site-0').value = 'nedlagd'");
		submit();
		// the answer is a new page: wait for it before reading its fields
		waitFor(() -> !browser.findElements(By.id("sites-error")).isEmpty(), "the refused site's error");
		assertThat(browser.findElement(By.id("sites")).getAttribute("aria-describedby")).contains("sites-error");
		assertThat(text("#sites-error")).contains("nedlagd");
		assertThat(browser.findElements(By.id("userId-error"))).isEmpty();
		assertThat(browser.findElement(By.id("userId")).getAttribute("value")).isEqualTo(person);
		assertThat(scopes(person)).isEmpty();
	}

	@Test
	void a_double_submit_changes_the_assignment_once() throws Exception {
		String person = "alex.prov@demo.kedja";
		signIn(ADMIN);
		open(PAGE);
		type("userId", person);
		// both posts are answered only after case-service has committed what it records
		Object statuses = ((JavascriptExecutor) browser)
			.executeAsyncScript("const done = arguments[arguments.length - 1];"
					+ "const f = document.querySelector('form.assign-form'); const data = new URLSearchParams(new FormData(f));"
					+ "Promise.all([fetch(f.action, {method: 'POST', body: data}), fetch(f.action, {method: 'POST', body: data})])"
					+ ".then((answers) => done(answers.map((a) => a.status)), (error) => done(String(error)));");
		assertThat(statuses).asInstanceOf(InstanceOfAssertFactories.list(Long.class))
			.as("both posts answered without an error")
			.containsExactly(200L, 200L);
		assertThat(scopes(person)).containsExactly("orangeriet");
		assertThat(logged(person)).containsExactly("assigned");
		open(PAGE);
		assertThat(browser.findElements(By.xpath("//tr[th='" + person + "']"))).hasSize(1);
	}

	/** The person's assignments as case-service gives them to the identity service. */
	private static List<String> scopes(String person) throws Exception {
		List<String> scopes = new ArrayList<>();
		JsonNode answer = caseService("/api/users/" + person + "/assignments");
		answer.path("projects").forEach((scope) -> scopes.add(scope.asString()));
		return scopes;
	}

	/** What case-service's append-only log of assignment changes holds for the person. */
	private static List<String> logged(String person) throws SQLException {
		try (Connection db = TestInfrastructure.get().connect();
				PreparedStatement query = db.prepareStatement("SELECT action FROM cases.assignment_log"
						+ " WHERE project_id = 'orangeriet' AND user_id = ? ORDER BY entry_id")) {
			query.setString(1, person);
			List<String> actions = new ArrayList<>();
			try (ResultSet rows = query.executeQuery()) {
				while (rows.next()) {
					actions.add(rows.getString(1));
				}
			}
			return actions;
		}
	}

}
