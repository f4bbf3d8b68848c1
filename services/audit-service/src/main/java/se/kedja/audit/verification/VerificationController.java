package se.kedja.audit.verification;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ObjectNode;

import se.kedja.audit.accesslog.Access;
import se.kedja.audit.accesslog.AccessLog;
import se.kedja.audit.accesslog.Reader;
import se.kedja.audit.checkpoint.Checkpoint;
import se.kedja.audit.checkpoint.CheckpointService;
import se.kedja.audit.checkpoint.UnknownProject;
import se.kedja.audit.store.CaseEventStore;
import se.kedja.audit.store.StoredEvent;
import se.kedja.events.ParticipantId;
import se.kedja.events.ProjectId;
import se.kedja.support.problem.ProblemException;

@RestController
class VerificationController {

	private final CaseEventStore store;

	private final CheckpointService checkpoints;

	private final AccessLog accessLog;

	VerificationController(CaseEventStore store, CheckpointService checkpoints, AccessLog accessLog) {
		this.store = store;
		this.checkpoints = checkpoints;
		this.accessLog = accessLog;
	}

	@GetMapping("/api/participants/{participantId}/verification")
	CaseVerification verifyCase(@PathVariable ParticipantId participantId, Reader reader) {
		List<StoredEvent> events = store.requireEventsOf(participantId);
		accessLog.recordCaseRead(reader, participantId, Access.VERIFICATION, "hash chain");
		return ChainVerification.verify(participantId.toString(), wire(events));
	}

	@GetMapping("/api/projects/{projectId}/verification")
	ProjectVerification verifyProject(@PathVariable ProjectId projectId, Reader reader) {
		Map<String, List<ObjectNode>> cases = casesOf(projectId);
		accessLog.recordRead(reader, Access.PROJECT_VERIFICATION, "project " + projectId);
		List<CaseVerification> broken = new ArrayList<>();
		cases.forEach((participant, events) -> {
			CaseVerification verification = ChainVerification.verify(participant, events);
			if (!verification.intact()) {
				broken.add(verification);
			}
		});
		return new ProjectVerification(projectId.value(), broken.isEmpty(), cases.size(), broken);
	}

	@PostMapping("/api/projects/{projectId}/verification/against-checkpoint")
	CheckpointVerification verifyAgainstCheckpoint(@PathVariable ProjectId projectId,
			@RequestBody Checkpoint checkpoint, Reader reader) {
		checkpoints.requireAuthentic(checkpoint);
		if (!checkpoint.projectId().equals(projectId.value())) {
			throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "checkpoint-of-other-project",
					checkpoint.projectId(), projectId.value());
		}
		Map<String, List<ObjectNode>> cases = casesOf(projectId);
		accessLog.recordRead(reader, Access.PROJECT_VERIFICATION,
				"project " + projectId + " against checkpoint " + checkpoint.checkpointId());
		List<Finding> findings = new ArrayList<>(CheckpointComparison.compare(checkpoint, cases));
		cases.forEach(
				(participant, events) -> findings.addAll(ChainVerification.verify(participant, events).findings()));
		return new CheckpointVerification(checkpoint.checkpointId().toString(), projectId.value(), findings.isEmpty(),
				checkpoint.heads().size(), findings);
	}

	private Map<String, List<ObjectNode>> casesOf(ProjectId projectId) {
		List<ParticipantId> participants = store.casesOf(projectId);
		if (participants.isEmpty()) {
			throw new UnknownProject(projectId);
		}
		Map<String, List<ObjectNode>> cases = new LinkedHashMap<>();
		for (ParticipantId participant : participants) {
			cases.put(participant.toString(), wire(store.eventsOf(participant)));
		}
		return cases;
	}

	private static List<ObjectNode> wire(List<StoredEvent> events) {
		return events.stream().map(StoredEvent::wireJson).toList();
	}

	record ProjectVerification(String projectId, boolean intact, int cases, List<CaseVerification> broken) {
	}

	record CheckpointVerification(String checkpointId, String projectId, boolean intact, int casesAtCheckpoint,
			List<Finding> findings) {
	}

}
