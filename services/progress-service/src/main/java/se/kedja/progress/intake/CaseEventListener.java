package se.kedja.progress.intake;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import se.kedja.events.json.EventJson;

/** Reads the case and project topics into the live projections. */
@Component
public class CaseEventListener {

	public static final String CASE_LISTENER = "progress-case-events";

	public static final String PROJECT_LISTENER = "progress-project-events";

	private final EventJson json;

	private final CaseEventProjection cases;

	private final ProjectEventProjection projects;

	CaseEventListener(EventJson json, CaseEventProjection cases, ProjectEventProjection projects) {
		this.json = json;
		this.cases = cases;
		this.projects = projects;
	}

	@KafkaListener(id = CASE_LISTENER, topics = "#{T(se.kedja.events.Topics).CASE_EVENTS.name()}",
			concurrency = "${kedja.progress.listener-concurrency:2}")
	void onCaseEvent(ConsumerRecord<String, byte[]> record) {
		this.cases.apply(ProjectionTables.LIVE, this.json.readCase(record.value()));
	}

	@KafkaListener(id = PROJECT_LISTENER, topics = "#{T(se.kedja.events.Topics).PROJECT_EVENTS.name()}")
	void onProjectEvent(ConsumerRecord<String, byte[]> record) {
		this.projects.apply(ProjectionTables.LIVE, this.json.readProject(record.value()));
	}

}
