package se.kedja.events.cases;

import java.time.LocalDate;

import se.kedja.events.ParticipantId;

/** A fact in one participant's case (ärende). */
public sealed interface CaseEvent permits ParticipantEnrolled, PlanAgreed, PlanRevised, ActivityStarted,
		ActivityCompleted, FollowUpHeld, ParticipantReferred, TransferRequested, TransferAccepted, TransferRejected,
		ConsentGiven, ConsentWithdrawn, ParticipationPaused, ParticipationResumed, ParticipantExited,
		PostExitFollowUpRecorded, SurveyAnswered, CorrectionRecorded, PersonalDataErased, PlanDeadlineMissed,
		PostExitFollowUpDeadlineMissed, ImportedEventsRetracted {

	ParticipantId participantId();

	/** When it happened, as opposed to when it was recorded. */
	LocalDate businessDate();

}
