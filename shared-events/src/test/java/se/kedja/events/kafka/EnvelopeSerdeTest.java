package se.kedja.events.kafka;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

import se.kedja.events.EventEnvelope;
import se.kedja.events.SampleEvents;
import se.kedja.events.Topics;
import se.kedja.events.cases.CaseEvent;
import se.kedja.events.json.EventFormatException;
import se.kedja.events.json.EventHashes;
import se.kedja.events.projects.ProjectDefined;
import se.kedja.events.projects.ProjectEvent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EnvelopeSerdeTest {

	private final EnvelopeSerializer serializer = new EnvelopeSerializer();

	private final EventEnvelope<CaseEvent> enrolment = hashed(
			SampleEvents.envelope((CaseEvent) SampleEvents.all().get(0), "participant-enrolled", 0, null)
				.withGlobalPosition(42));

	@Test
	void a_case_envelope_survives_the_topic() {
		byte[] bytes = this.serializer.serialize(Topics.CASE_EVENTS.name(), new RecordHeaders(), this.enrolment);
		assertThat(new CaseEnvelopeDeserializer().deserialize(Topics.CASE_EVENTS.name(), bytes))
			.isEqualTo(this.enrolment);
	}

	@Test
	void a_project_envelope_survives_the_topic() {
		EventEnvelope<ProjectEvent> defined = hashed(SampleEvents.envelope(
				(ProjectEvent) new ProjectDefined(SampleEvents.PROJECT, SampleEvents.definition("Orangeriet")),
				"project-defined", 0, null));
		byte[] bytes = this.serializer.serialize(Topics.PROJECT_EVENTS.name(), defined);
		assertThat(new ProjectEnvelopeDeserializer().deserialize(Topics.PROJECT_EVENTS.name(), bytes))
			.isEqualTo(defined);
	}

	@Test
	void the_headers_repeat_type_version_id_and_position() {
		RecordHeaders headers = new RecordHeaders();
		this.serializer.serialize(Topics.CASE_EVENTS.name(), headers, this.enrolment);
		assertThat(EventHeaders.text(headers, EventHeaders.EVENT_TYPE)).isEqualTo("participant-enrolled");
		assertThat(EventHeaders.text(headers, EventHeaders.SCHEMA_VERSION)).isEqualTo("1");
		assertThat(EventHeaders.text(headers, EventHeaders.EVENT_ID))
			.isEqualTo(this.enrolment.eventId().value().toString());
		assertThat(EventHeaders.text(headers, EventHeaders.GLOBAL_POSITION)).isEqualTo("42");
	}

	@Test
	void a_tombstone_stays_a_tombstone() {
		assertThat(this.serializer.serialize(Topics.CASE_EVENTS.name(), null)).isNull();
		assertThat(new CaseEnvelopeDeserializer().deserialize(Topics.CASE_EVENTS.name(), null)).isNull();
	}

	@Test
	void bytes_that_are_not_an_envelope_are_refused_for_the_dead_letter_topic() {
		assertThatThrownBy(
				() -> new CaseEnvelopeDeserializer().deserialize(Topics.CASE_EVENTS.name(), "{\"type\":1}".getBytes()))
			.isInstanceOf(EventFormatException.class);
	}

	@Test
	void the_topic_catalogue_names_every_topic_once() {
		assertThat(Topics.all()).extracting((topic) -> topic.name())
			.containsExactly("kedja.case-events", "kedja.project-events", "kedja.case-events.dlt");
		assertThat(Topics.CASE_EVENTS.partitions()).isEqualTo(12);
	}

	private static <E> EventEnvelope<E> hashed(EventEnvelope<E> envelope) {
		return envelope.withHash(EventHashes.hash(envelope));
	}

}
