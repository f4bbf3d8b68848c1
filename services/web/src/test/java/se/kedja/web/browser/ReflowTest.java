package se.kedja.web.browser;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * WCAG 2.1 1.4.10 (reflow) and 1.4.4 (resize text): each role's main pages in a viewport
 * 320 CSS pixels wide (1280 at 400 % zoom, or a narrow phone) and 640 (1280 at 200 %).
 * The page scrolls only vertically; a data table may scroll sideways in its own labelled
 * region that the keyboard can reach. The main menu and the page's form controls stay in
 * view and can be clicked, and axe still finds no WCAG 2.1 A or AA violation.
 */
class ReflowTest extends BrowserTest {

	private static final List<Integer> WIDTHS = List.of(320, 640);

	// Run in the page: what makes it scroll sideways, and each control that is out of
	// view or covered by something else. A data table's own scrolling region is allowed
	// to be wider than the page, but must be labelled and focusable.
	private static final String CHECK = """
			const root = document.documentElement, width = root.clientWidth, found = [];
			const name = (e) => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
				+ (e.getAttribute('name') ? '[name=' + e.getAttribute('name') + ']' : '')
				+ (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\\s+/).join('.') : '');
			const hidden = (e) => e.closest('.visually-hidden, .skip-link, details:not([open])');
			if (root.scrollWidth > width) {
				const wide = [...document.body.querySelectorAll('*')]
					.filter((e) => !e.closest('.skip-link') && e.getBoundingClientRect().right > width + 1
						&& (!e.closest('.table-wrap') || getComputedStyle(e).position === 'absolute'))
					.slice(-3).map(name);
				found.push('the page scrolls sideways: ' + root.scrollWidth + ' > ' + width + ' px, widest ' + wide);
			}
			for (const region of document.querySelectorAll('.table-wrap')) {
				if (region.getBoundingClientRect().right > width + 1) {
					found.push(name(region) + ' is wider than the page');
				}
				if (region.scrollWidth > region.clientWidth && (region.getAttribute('role') !== 'region'
						|| region.getAttribute('tabindex') !== '0' || !region.getAttribute('aria-labelledby'))) {
					found.push(name(region) + ' scrolls but is no labelled, focusable region');
				}
			}
			const controls = [...document.querySelectorAll('header nav a, header button, main a.button,'
				+ ' main input:not([type=hidden]), main select, main textarea, main button')]
				.filter((e) => !hidden(e) && !e.closest('.table-wrap'));
			for (const control of controls) {
				control.scrollIntoView({block: 'center', inline: 'nearest'});
				const box = control.getBoundingClientRect();
				if (box.width === 0 || box.height === 0) {
					found.push(name(control) + ' is not shown');
					continue;
				}
				if (box.left < 0 || box.right > width + 1) {
					found.push(name(control) + ' is out of view: ' + Math.round(box.left) + '..' + Math.round(box.right));
					continue;
				}
				const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
				const label = control.id ? document.querySelector('label[for="' + control.id + '"]') : null;
				if (!hit || !(control.contains(hit) || hit.contains(control) || (label && label.contains(hit)))) {
					found.push(name(control) + ' is covered by ' + (hit ? name(hit) : 'nothing'));
				}
			}
			window.scrollTo(0, 0);
			return found;
			""";

	@AfterEach
	void backToTheDesktop() {
		browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
	}

	@Test
	void each_roles_main_pages_reflow_at_320_and_640_css_pixels_wide() throws Exception {
		String participant = caseService("/api/projects/" + demo.id() + "/participants?status=EXITED&size=1")
			.path("items")
			.path(0)
			.path("participantId")
			.asString();
		Map<String, List<String>> pages = new LinkedHashMap<>();
		pages.put(COACH, List.of("/caseload?project=" + demo.id(), "/projects/" + demo.id() + "/enrol",
				"/participants/" + participant, "/participants/" + participant + "/forms/plan"));
		pages.put(MANAGER, List.of("/dashboard?project=" + demo.id()));
		pages.put(AUDITOR, List.of("/audit", "/audit/participants/" + participant + "?purpose=reflow",
				"/audit/access-log?purpose=reflow"));
		pages.put(ADMIN, List.of("/admin/projects", "/admin/projects/" + demo.id() + "/assignments"));
		List<String> failures = new ArrayList<>();
		for (Map.Entry<String, List<String>> role : pages.entrySet()) {
			signIn(role.getKey());
			for (int width : WIDTHS) {
				viewport(width);
				for (String page : role.getValue()) {
					open(page);
					failures.addAll(check(width + " px " + page));
					failures.addAll(axe(width + " px " + page));
				}
				failures.addAll(theMenuWorks(width, role.getValue().get(0)));
			}
			backToTheDesktop();
		}
		assertThat(failures).as("pages that do not reflow at 320 and 640 CSS px").isEmpty();
	}

	/** As a phone or 400 % zoom would: a viewport of that many CSS pixels. */
	private static void viewport(int width) {
		browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", width, "height", 720, "deviceScaleFactor", 1, "mobile", false));
		assertThat(((JavascriptExecutor) browser).executeScript("return window.innerWidth")).isEqualTo((long) width);
	}

	@SuppressWarnings("unchecked")
	private static List<String> check(String where) {
		List<String> found = (List<String>) ((JavascriptExecutor) browser).executeScript(CHECK);
		return found.stream().map((failure) -> where + ": " + failure).toList();
	}

	/** A real click on the last item of the main menu, which must not be covered. */
	private static List<String> theMenuWorks(int width, String from) {
		open(from);
		List<WebElement> links = browser.findElements(By.cssSelector("header nav a"));
		if (links.isEmpty()) {
			return List.of(width + " px " + from + ": no main menu");
		}
		WebElement last = links.get(links.size() - 1);
		String target = last.getAttribute("href");
		last.click();
		waitFor(() -> browser.getCurrentUrl().startsWith(target), "the menu's link to " + target,
				Duration.ofSeconds(30));
		return List.of();
	}

}
