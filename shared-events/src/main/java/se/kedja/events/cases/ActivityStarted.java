package se.kedja.events.cases;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

import se.kedja.events.ActivityId;
import se.kedja.events.ActivityType;
import se.kedja.events.ActorId;
import se.kedja.events.EventType;
import se.kedja.events.ParticipantId;

/**
 * An activity (insats) starts: a talk, a group, work training, an internship (praktik), a
 * course, validation, a health activity or a multi-actor meeting.
 *
 * @param provider the actor holding it, if not the project itself
 * @param actorsTakingPart the agencies present, for multi-actor meetings
 */
@EventType(name = "activity-started", version = 1)
public record ActivityStarted(ParticipantId participantId, ActivityId activityId, ActivityType type,
		LocalDate startedOn, @Nullable ActorId provider, List<ActorId> actorsTakingPart) implements CaseEvent {

	public ActivityStarted {
		actorsTakingPart = List.copyOf(actorsTakingPart);
	}

	@Override
	public LocalDate businessDate() {
		return this.startedOn;
	}

}
