package se.kedja.progress.intake;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

import se.kedja.events.EventEnvelope;
import se.kedja.events.cases.CaseEvent;
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

	/**
	 * One poll's records in one transaction. When that fails, the records are applied one
	 * by one, each in its own transaction, up to the one at fault; that one is handed to
	 * the error handler (retried, waited out or dead-lettered as before) and the rest are
	 * delivered again.
	 */
	@KafkaListener(id = CASE_LISTENER, topics = "#{T(se.kedja.events.Topics).CASE_EVENTS.name()}",
			concurrency = "${kedja.progress.listener-concurrency:2}", batch = "true")
	void onCaseEvents(List<ConsumerRecord<String, byte[]>> records) {
		List<EventEnvelope<CaseEvent>> envelopes = new ArrayList<>(records.size());
		RuntimeException unreadable = null;
		for (ConsumerRecord<String, byte[]> record : records) {
			try {
				envelopes.add(this.json.readCase(record.value()));
			}
			catch (RuntimeException ex) {
				unreadable = ex;
				break;
			}
		}
		applyInOrder(envelopes);
		if (unreadable != null) {
			throw new BatchListenerFailedException(unreadable.getMessage(), unreadable, envelopes.size());
		}
	}

	private void applyInOrder(List<EventEnvelope<CaseEvent>> envelopes) {
		if (envelopes.isEmpty()) {
			return;
		}
		try {
			this.cases.applyAll(ProjectionTables.LIVE, envelopes);
		}
		catch (RuntimeException batchFailure) {
			for (int i = 0; i < envelopes.size(); i++) {
				try {
					this.cases.apply(ProjectionTables.LIVE, envelopes.get(i));
				}
				catch (RuntimeException ex) {
					throw new BatchListenerFailedException(ex.getMessage(), ex, i);
				}
			}
		}
	}

	@KafkaListener(id = PROJECT_LISTENER, topics = "#{T(se.kedja.events.Topics).PROJECT_EVENTS.name()}")
	void onProjectEvent(ConsumerRecord<String, byte[]> record) {
		this.projects.apply(ProjectionTables.LIVE, this.json.readProject(record.value()));
	}

}
