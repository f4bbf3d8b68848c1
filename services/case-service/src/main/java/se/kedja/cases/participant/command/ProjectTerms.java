package se.kedja.cases.participant.command;

import java.time.LocalDate;

import se.kedja.events.projects.ProjectSettings;

/**
 * What a case needs to know of its project's definition, as the sender reads it from the
 * project read model when sending the command.
 */
public record ProjectTerms(LocalDate periodStart, LocalDate periodEnd, ProjectSettings settings) {
}
