package se.kedja.reliability;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * Follows every acknowledged command to the end of the chain: its events in the store, on
 * the topic in order and unbroken, counted once in progress-service's figures, and in
 * audit-service's copy with an intact hash chain. Waits (by condition) for the backlog to
 * drain first.
 */
final class Checks {

	private static final Duration DRAIN_TIMEOUT = Duration.ofMinutes(10);

	private final Backend backend;

	private final String progress;

	private final String audit;

	Checks(Backend backend, String progressUrl, String auditUrl) {
		this.backend = backend;
		this.progress = progressUrl;
		this.audit = auditUrl;
	}

	record Outcome(long written, long verified, long lost, long duplicatesOnTopic, List<String> problems) {

		boolean held() {
			return this.lost == 0 && this.problems.isEmpty();
		}

	}

	/** Per participant: the highest sequence stored and how many events. */
	private record Stored(long maxSequence, long events) {
	}

	Outcome verify(Ledger ledger) {
		List<String> problems = new ArrayList<>();
		Map<String, Stored> store = store();
		long written = store.values().stream().mapToLong(Stored::events).sum();

		boolean drained = Waits.until(DRAIN_TIMEOUT,
				() -> TopicReader.read(this.backend.bootstrapServers()).distinctEvents() >= written);
		TopicReader.Topic topic = TopicReader.read(this.backend.bootstrapServers());
		if (!drained) {
			problems.add("topic holds " + topic.distinctEvents() + " of " + written + " stored events after "
					+ DRAIN_TIMEOUT.toMinutes() + " min");
		}
		problems.addAll(topic.faults().stream().limit(20).toList());

		long lost = 0;
		for (Map.Entry<String, Long> acknowledged : ledger.acknowledgedVersions().entrySet()) {
			String participant = acknowledged.getKey();
			long version = acknowledged.getValue();
			Stored stored = store.get(participant);
			long storedUpTo = (stored != null) ? stored.maxSequence() : -1;
			if (storedUpTo < version || stored.events() != stored.maxSequence() + 1) {
				lost += Math.max(1, version - storedUpTo);
				problems.add(participant + ": acknowledged up to version " + version + ", store holds " + stored);
				continue;
			}
			TopicReader.Stream stream = topic.streams().get(participant);
			long onTopic = (stream != null) ? stream.distinct().size() : 0;
			if (onTopic < stored.events()) {
				lost += stored.events() - onTopic;
				problems.add(participant + ": " + stored.events() + " stored, " + onTopic + " on the topic");
			}
		}

		long projectEvents = topic.streams()
			.values()
			.stream()
			.filter((stream) -> CaseDriver.PROJECT.equals(stream.projectId()))
			.mapToLong((stream) -> stream.distinct().size())
			.sum();
		long projectParticipants = topic.streams()
			.values()
			.stream()
			.filter((stream) -> CaseDriver.PROJECT.equals(stream.projectId()))
			.count();
		boolean progressConverged = Waits.until(DRAIN_TIMEOUT, () -> intake().path("events").asLong() == projectEvents);
		JsonNode intake = intake();
		if (!progressConverged || intake.path("participants").asLong() != projectParticipants) {
			problems.add("progress-service applied " + intake + ", the topic holds " + projectEvents + " events of "
					+ projectParticipants + " participants");
		}
		JsonNode live = enrolledGoal("");
		JsonNode refolded = enrolledGoal("?asOf=" + java.time.LocalDate.now(java.time.ZoneId.of("Europe/Stockholm")));
		if (live.path("actual").asDouble() != refolded.path("actual").asDouble()) {
			problems.add("progress-service's maintained figure " + live.path("actual") + " differs from its refold "
					+ refolded.path("actual") + " of the recorded events (participants-enrolled: " + live + ")");
		}

		long distinct = topic.distinctEvents();
		boolean auditConverged = Waits.until(DRAIN_TIMEOUT,
				() -> this.backend.count("SELECT count(*) FROM audit.case_event") == distinct);
		long audited = this.backend.count("SELECT count(*) FROM audit.case_event");
		if (!auditConverged) {
			problems.add("audit-service holds " + audited + " events, the topic " + distinct);
		}
		JsonNode verification = get(this.audit, "/api/projects/" + CaseDriver.PROJECT + "/verification");
		if (!verification.path("intact").asBoolean() || verification.path("cases").asLong() != projectParticipants) {
			problems.add("audit verification: " + verification);
		}
		long verified = problems.isEmpty() ? Math.min(Math.min(written, distinct), audited) : 0;
		return new Outcome(written, verified, lost, topic.duplicates(), problems);
	}

	private Map<String, Stored> store() {
		Map<String, Stored> stored = new HashMap<>();
		String sql = "SELECT aggregate_identifier, max(sequence_number), count(*) FROM cases.domain_event_entry"
				+ " WHERE type = 'ParticipantCase' GROUP BY aggregate_identifier";
		try (Connection connection = this.backend.connect(); Statement statement = connection.createStatement()) {
			ResultSet result = statement.executeQuery(sql);
			while (result.next()) {
				stored.put(result.getString(1), new Stored(result.getLong(2), result.getLong(3)));
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		return stored;
	}

	private JsonNode intake() {
		return get(this.progress, "/api/admin/intake?projectId=" + CaseDriver.PROJECT);
	}

	private JsonNode enrolledGoal(String query) {
		for (JsonNode goal : get(this.progress, "/api/projects/" + CaseDriver.PROJECT + "/progress" + query)
			.path("goals")) {
			if (goal.path("id").asString().equals("participants-enrolled")) {
				return goal;
			}
		}
		return Http.JSON.missingNode();
	}

	private static JsonNode get(String base, String path) {
		try {
			Http.Response response = new Http(base).get(path);
			return response.ok() ? response.json() : Http.JSON.missingNode();
		}
		catch (IOException ex) {
			return Http.JSON.missingNode();
		}
	}

}
