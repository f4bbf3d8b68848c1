package se.kedja.events.projects;

import se.kedja.events.ActorId;
import se.kedja.events.ActorKind;

/** An actor that can hold responsibility for participants or take part in their cases. */
public record ResponsibleActorDefinition(ActorId id, ActorKind kind, String name) {
}
