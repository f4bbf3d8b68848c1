package se.kedja.progress.reports;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.stereotype.Service;

import se.kedja.progress.intake.CaseEventStore;
import se.kedja.progress.intake.Participant;
import se.kedja.progress.intake.ParticipantFold;

/**
 * A project's participants as they were known at an instant: the same fold as the live
 * read model, over only the events recorded before it (corrections included).
 */
@Service
public class RecordedParticipants {

	private final CaseEventStore events;

	private final ParticipantFold fold;

	RecordedParticipants(CaseEventStore events, ParticipantFold fold) {
		this.events = events;
		this.fold = fold;
	}

	public List<Participant> knownBefore(String projectId, Instant until) {
		List<Participant> participants = new ArrayList<>();
		this.events.projectHistoriesBefore(projectId, until).values().forEach((history) -> {
			Participant participant = this.fold.fold(history);
			if (participant != null && participant.projectId().equals(projectId)) {
				participants.add(participant);
			}
		});
		participants.sort(Comparator.comparing(Participant::participantId));
		return participants;
	}

}
