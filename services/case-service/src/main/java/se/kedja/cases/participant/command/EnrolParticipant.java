package se.kedja.cases.participant.command;

import java.time.LocalDate;
import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.jspecify.annotations.Nullable;

import se.kedja.events.ActorId;
import se.kedja.events.CoachId;
import se.kedja.events.EntrySituation;
import se.kedja.events.Gender;
import se.kedja.events.IscedBand;
import se.kedja.events.MunicipalityCode;
import se.kedja.events.ParticipantId;
import se.kedja.events.ProjectId;
import se.kedja.events.SiteId;

/**
 * Enrols (skriver in) a participant; the first command of every case. {@code project}
 * comes from the project read model and decides the allowed dates and the plan deadline.
 */
public record EnrolParticipant(@TargetAggregateIdentifier ParticipantId participantId, ProjectId projectId,
		ProjectTerms project, SiteId siteId, CoachId coachId, ActorId responsibleActor, LocalDate enrolledOn,
		Gender gender, int birthYear, MunicipalityCode municipality, List<String> targetGroups,
		List<EntrySituation> entrySituations, int monthsWithoutWork, IscedBand isced, @Nullable Boolean disability,
		@Nullable Boolean foreignBackground, boolean consentToStatistics) {
}
