package se.kedja.events.cases;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

import se.kedja.events.ActorId;
import se.kedja.events.CoachId;
import se.kedja.events.EntrySituation;
import se.kedja.events.EventType;
import se.kedja.events.Gender;
import se.kedja.events.IscedBand;
import se.kedja.events.MunicipalityCode;
import se.kedja.events.ParticipantId;
import se.kedja.events.ProjectId;
import se.kedja.events.SiteId;

/**
 * Enrolment (inskrivning): the participant joins a project at a site, with the attributes
 * the funder needs for statistics.
 *
 * @param responsibleActor who is responsible for the participant from today
 * @param targetGroups keys of the project's target groups (målgrupper) the participant
 * belongs to
 * @param monthsWithoutWork time without work at entry, in whole months
 * @param disability recorded only with the participant's consent, otherwise null
 * @param foreignBackground born abroad or both parents born abroad; null if not stated
 * @param consentToStatistics the participant agreed to be counted in the funder's
 * statistics
 */
@EventType(name = "participant-enrolled", version = 1)
public record ParticipantEnrolled(ParticipantId participantId, ProjectId projectId, SiteId siteId, CoachId coachId,
		ActorId responsibleActor, LocalDate enrolledOn, Gender gender, int birthYear, MunicipalityCode municipality,
		List<String> targetGroups, List<EntrySituation> entrySituations, int monthsWithoutWork, IscedBand isced,
		@Nullable Boolean disability, @Nullable Boolean foreignBackground,
		boolean consentToStatistics) implements CaseEvent {

	public ParticipantEnrolled {
		targetGroups = List.copyOf(targetGroups);
		entrySituations = List.copyOf(entrySituations);
	}

	@Override
	public LocalDate businessDate() {
		return this.enrolledOn;
	}

}
