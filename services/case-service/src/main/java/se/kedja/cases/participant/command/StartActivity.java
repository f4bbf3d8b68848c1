package se.kedja.cases.participant.command;

import java.time.LocalDate;
import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.jspecify.annotations.Nullable;

import se.kedja.events.ActivityId;
import se.kedja.events.ActivityType;
import se.kedja.events.ActorId;
import se.kedja.events.ParticipantId;

/** Starts an activity; the sender picks the activity id. */
public record StartActivity(@TargetAggregateIdentifier ParticipantId participantId, ActivityId activityId,
		ActivityType type, LocalDate startedOn, @Nullable ActorId provider, List<ActorId> actorsTakingPart) {
}
