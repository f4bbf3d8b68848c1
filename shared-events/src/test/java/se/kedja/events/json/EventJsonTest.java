package se.kedja.events.json;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

import se.kedja.events.EventEnvelope;
import se.kedja.events.SampleEvents;
import se.kedja.events.cases.CaseEvent;
import se.kedja.events.cases.ParticipantEnrolled;
import se.kedja.events.cases.SurveyAnswered;
import se.kedja.events.projects.ProjectDefined;
import se.kedja.events.projects.ProjectEvent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventJsonTest {

	private final EventJson json = new EventJson();

	@Test
	void a_case_envelope_reads_back_as_it_was_written() {
		EventEnvelope<CaseEvent> envelope = hashed(enrolment());
		assertThat(this.json.readCase(this.json.write(envelope))).isEqualTo(envelope);
	}

	@Test
	void a_project_envelope_reads_back_as_it_was_written() {
		ProjectEvent defined = new ProjectDefined(SampleEvents.PROJECT, SampleEvents.definition("Orangeriet"));
		EventEnvelope<ProjectEvent> envelope = SampleEvents.envelope(defined, "project-defined", 0, null);
		assertThat(this.json.readProject(this.json.write(envelope))).isEqualTo(envelope);
	}

	@Test
	void the_wire_names_events_by_logical_type_and_identifiers_as_plain_strings() {
		String wire = new String(this.json.write(hashed(enrolment())), StandardCharsets.UTF_8);
		assertThat(wire).contains("\"type\":\"participant-enrolled\"")
			.contains("\"participantId\":\"" + SampleEvents.PARTICIPANT + "\"")
			.contains("\"enrolledOn\":\"2010-03-15\"")
			.doesNotContain("ParticipantEnrolled")
			.doesNotContain("\"value\"");
	}

	@Test
	void an_envelope_whose_type_does_not_match_its_payload_is_not_written() {
		EventEnvelope<CaseEvent> mislabelled = SampleEvents.envelope(enrolment(), "plan-agreed", 0, null);
		assertThatThrownBy(() -> this.json.write(mislabelled)).isInstanceOf(EventFormatException.class);
	}

	@Test
	void an_unknown_property_in_a_current_version_is_refused() {
		ObjectNode payload = (ObjectNode) this.json.mapper().valueToTree(survey());
		payload.put("freeText", "something nobody agreed on");
		assertThatThrownBy(() -> this.json.readPayload("survey-answered", 1, payload))
			.isInstanceOf(EventFormatException.class);
	}

	@Test
	void a_version_newer_than_the_reader_knows_is_refused() {
		byte[] payload = this.json.writePayload(survey());
		assertThatThrownBy(() -> this.json.readPayload("survey-answered", 2, payload))
			.isInstanceOf(EventFormatException.class)
			.hasMessageContaining("newer");
	}

	@Test
	void an_unknown_type_is_refused() {
		assertThatThrownBy(() -> this.json.typeOf("participant-teleported")).isInstanceOf(EventFormatException.class);
	}

	@Test
	void a_case_event_is_not_read_as_a_project_event() {
		byte[] wire = this.json.write(hashed(enrolment()));
		assertThatThrownBy(() -> this.json.readProject(wire)).isInstanceOf(EventFormatException.class);
	}

	@Test
	void an_older_version_is_read_through_the_upcasters() {
		Upcaster draftToFirst = new Upcaster("survey-answered", 0, 1, (payload) -> {
			ObjectNode node = (ObjectNode) payload;
			node.set("questionKey", node.remove("question"));
			return node;
		});
		EventJson reader = new EventJson(new Upcasters(List.of(draftToFirst)));
		ObjectNode draft = (ObjectNode) this.json.mapper().valueToTree(survey());
		draft.set("question", draft.remove("questionKey"));

		SurveyAnswered read = reader.readPayload("survey-answered", 0, draft);

		assertThat(read).isEqualTo(survey());
	}

	@Test
	void an_older_version_without_an_upcaster_is_refused() {
		byte[] payload = this.json.writePayload(survey());
		assertThatThrownBy(() -> this.json.readPayload("survey-answered", 0, payload))
			.isInstanceOf(EventFormatException.class)
			.hasMessageContaining("stuck at v0");
	}

	private EventEnvelope<CaseEvent> hashed(CaseEvent event) {
		EventEnvelope<CaseEvent> envelope = SampleEvents.envelope(event, this.json.typeName(event.getClass()), 0, null);
		return envelope.withHash(EventHashes.hash(envelope));
	}

	private static ParticipantEnrolled enrolment() {
		return (ParticipantEnrolled) SampleEvents.all().get(0);
	}

	private static SurveyAnswered survey() {
		return SampleEvents.all()
			.stream()
			.filter(SurveyAnswered.class::isInstance)
			.map(SurveyAnswered.class::cast)
			.findFirst()
			.orElseThrow();
	}

}
