package se.kedja.events.json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import se.kedja.events.EventType;
import se.kedja.events.SampleEvents;
import se.kedja.events.cases.CaseEvent;
import se.kedja.events.projects.ProjectEvent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Freezes the JSON of every event. A failing snapshot means the contract changed: add a
 * new schema version and an upcaster instead. Run with
 * {@code -Dkedja.contract.approve=true} once to write the snapshot of a new event type,
 * and review the file.
 */
class ContractSnapshotTest {

	private static final Path SNAPSHOTS = Path.of("src/test/resources/contract");

	private final EventJson json = new EventJson();

	static Stream<Object> samples() {
		return SampleEvents.all().stream();
	}

	@Test
	void every_event_type_has_a_unique_name_a_sample_and_a_snapshot() {
		List<Class<?>> published = Stream.of(CaseEvent.class, ProjectEvent.class)
			.flatMap((hierarchy) -> Arrays.stream(hierarchy.getPermittedSubclasses()))
			.toList();
		assertThat(published).allSatisfy((type) -> assertThat(type.getAnnotation(EventType.class)).isNotNull());
		assertThat(published.stream().map(this.json::typeName)).doesNotHaveDuplicates();
		assertThat(samples().map(Object::getClass)).containsExactlyInAnyOrderElementsOf(published);
		assertThat(published).allSatisfy((type) -> assertThat(snapshot(type)).exists());
	}

	@ParameterizedTest
	@MethodSource("samples")
	void the_json_of_each_event_is_as_approved(Object event) throws IOException {
		String written = pretty(event);
		Path snapshot = snapshot(event.getClass());
		if (Boolean.getBoolean("kedja.contract.approve") && Files.notExists(snapshot)) {
			Files.writeString(snapshot, written, StandardCharsets.UTF_8);
		}
		assertThat(written).isEqualTo(Files.readString(snapshot, StandardCharsets.UTF_8));
	}

	@ParameterizedTest
	@MethodSource("samples")
	void each_approved_snapshot_still_reads_into_the_same_event(Object event) throws IOException {
		Class<?> type = event.getClass();
		Object read = this.json.readPayload(this.json.typeName(type), this.json.currentVersion(type),
				Files.readAllBytes(snapshot(type)));
		assertThat(read).isEqualTo(event);
	}

	private String pretty(Object event) {
		return this.json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(event) + "\n";
	}

	private Path snapshot(Class<?> type) {
		return SNAPSHOTS.resolve(this.json.typeName(type) + ".v" + this.json.currentVersion(type) + ".json");
	}

}
