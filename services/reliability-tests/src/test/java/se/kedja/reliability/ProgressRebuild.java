package se.kedja.reliability;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * progress-service's projection rebuild as a replay from the start: it reads both topics
 * afresh into shadow tables and swaps them in, so once it has swapped, the figures and
 * the intake must be those maintained live before it, with no event skipped.
 */
final class ProgressRebuild {

	private static final String FIGURES = "/api/projects/" + CaseDriver.PROJECT + "/progress";

	private static final String INTAKE = "/api/admin/intake?projectId=" + CaseDriver.PROJECT;

	private ProgressRebuild() {
	}

	record Outcome(long eventsBefore, long eventsAfter, List<String> problems, Duration took, String note) {

		boolean held() {
			return this.problems.isEmpty();
		}

	}

	/**
	 * Starts a rebuild once no other is running (the fuzzing may have started one), runs
	 * {@code meanwhile} under it, and compares once it has swapped or failed.
	 */
	static Outcome compare(ServiceJar progress, Runnable meanwhile) {
		long started = System.nanoTime();
		Http http = new Http(progress.url());
		List<String> problems = new ArrayList<>();
		Waits.until(Duration.ofMinutes(10), () -> !List.of("RUNNING", "SWAPPING").contains(state(http)));
		String startedBefore = get(http, "/api/admin/rebuild").path("startedAt").asString("");
		JsonNode goalsBefore = get(http, FIGURES).path("goals");
		long eventsBefore = get(http, INTAKE).path("events").asLong();
		try {
			Http.Response start = http.post("/api/admin/rebuild", Map.of(), Map.of());
			if (!start.ok()) {
				problems.add("POST /api/admin/rebuild → " + start);
			}
		}
		catch (IOException ex) {
			problems.add("POST /api/admin/rebuild: " + ex);
		}
		meanwhile.run();
		boolean ended = Waits.until(Duration.ofMinutes(10), () -> {
			JsonNode status = get(http, "/api/admin/rebuild");
			return !status.path("startedAt").asString("").equals(startedBefore)
					&& List.of("SWAPPED", "FAILED").contains(status.path("state").asString(""));
		});
		JsonNode status = get(http, "/api/admin/rebuild");
		if (!ended || !status.path("state").asString("").equals("SWAPPED")) {
			problems.add("rebuild: " + status);
		}
		if (status.path("eventsSkipped").asLong() != 0) {
			problems.add("the rebuild skipped " + status.path("eventsSkipped").asLong() + " events");
		}
		long eventsAfter = get(http, INTAKE).path("events").asLong();
		JsonNode goalsAfter = get(http, FIGURES).path("goals");
		if (eventsAfter != eventsBefore) {
			problems.add("intake " + eventsAfter + " events after the rebuild, " + eventsBefore + " before");
		}
		if (!goalsAfter.equals(goalsBefore)) {
			problems.add("figures after the rebuild differ from those before: " + goalsAfter + " vs " + goalsBefore);
		}
		String note = "rebuild " + status.path("state").asString("?") + ", " + status.path("eventsDone").asLong()
				+ " events read, " + status.path("eventsSkipped").asLong() + " skipped"
				+ (problems.isEmpty() ? "" : "; " + String.join("; ", problems));
		return new Outcome(eventsBefore, eventsAfter, problems, Duration.ofNanos(System.nanoTime() - started), note);
	}

	private static String state(Http http) {
		return get(http, "/api/admin/rebuild").path("state").asString("");
	}

	private static JsonNode get(Http http, String path) {
		try {
			Http.Response response = http.get(path);
			return response.ok() ? response.json() : Http.JSON.missingNode();
		}
		catch (IOException ex) {
			return Http.JSON.missingNode();
		}
	}

}
