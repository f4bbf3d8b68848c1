package se.kedja.cases.participant.web;

import java.util.List;

import org.jspecify.annotations.Nullable;

import se.kedja.cases.participant.command.AcceptTransfer;
import se.kedja.cases.participant.command.AgreePlan;
import se.kedja.cases.participant.command.AnswerSurvey;
import se.kedja.cases.participant.command.CompleteActivity;
import se.kedja.cases.participant.command.ExitParticipant;
import se.kedja.cases.participant.command.GiveConsent;
import se.kedja.cases.participant.command.HoldFollowUp;
import se.kedja.cases.participant.command.PauseParticipation;
import se.kedja.cases.participant.command.RecordCorrection;
import se.kedja.cases.participant.command.RecordPostExitFollowUp;
import se.kedja.cases.participant.command.ReferParticipant;
import se.kedja.cases.participant.command.RejectTransfer;
import se.kedja.cases.participant.command.RequestTransfer;
import se.kedja.cases.participant.command.ResumeParticipation;
import se.kedja.cases.participant.command.RevisePlan;
import se.kedja.cases.participant.command.StartActivity;
import se.kedja.cases.participant.command.WithdrawConsent;
import se.kedja.events.ActivityId;
import se.kedja.events.ActorId;
import se.kedja.events.EventId;
import se.kedja.events.ParticipantId;
import se.kedja.events.TransferId;
import se.kedja.events.cases.PlannedActivity;
import se.kedja.events.projects.ProjectSettings;

/**
 * The command each request on an existing case becomes: one mapping, shared by the
 * coach's API and the bulk import.
 */
public final class CaseCommands {

	private CaseCommands() {
	}

	public static Object plan(ParticipantId p, CaseRequests.Plan body) {
		List<PlannedActivity> activities = body.plannedActivities()
			.stream()
			.map((a) -> new PlannedActivity(a.type(), (a.provider() != null) ? ActorId.of(a.provider()) : null))
			.toList();
		return Boolean.TRUE.equals(body.revision())
				? new RevisePlan(p, body.agreedOn(), body.goals(), activities, body.accessibilityNeeds())
				: new AgreePlan(p, body.agreedOn(), body.goals(), activities, body.accessibilityNeeds(),
						actors(body.agreedWith()));
	}

	public static StartActivity activity(ParticipantId p, ActivityId activity, CaseRequests.Activity body) {
		return new StartActivity(p, activity, body.type(), body.startedOn(),
				(body.provider() != null) ? ActorId.of(body.provider()) : null, actors(body.actorsTakingPart()));
	}

	public static CompleteActivity activityCompletion(ParticipantId p, ActivityId activity,
			CaseRequests.ActivityCompletion body) {
		return new CompleteActivity(p, activity, body.completedOn(), body.asPlanned());
	}

	public static HoldFollowUp followUp(ParticipantId p, CaseRequests.FollowUp body) {
		return new HoldFollowUp(p, body.heldOn(), body.progress(), body.accessibilityReviewed(), body.ownAssessment());
	}

	public static ReferParticipant referral(ParticipantId p, CaseRequests.Referral body) {
		return new ReferParticipant(p, body.referredOn(), ActorId.of(body.to()), body.purpose(),
				body.consentOverrideReason());
	}

	public static RequestTransfer transfer(ParticipantId p, TransferId transfer, CaseRequests.Transfer body) {
		return new RequestTransfer(p, transfer, body.requestedOn(), ActorId.of(body.to()),
				body.consentOverrideReason());
	}

	public static AcceptTransfer transferAcceptance(ParticipantId p, TransferId transfer,
			CaseRequests.TransferAcceptance body) {
		return new AcceptTransfer(p, transfer, body.acceptedOn());
	}

	public static RejectTransfer transferRejection(ParticipantId p, TransferId transfer,
			CaseRequests.TransferRejection body) {
		return new RejectTransfer(p, transfer, body.rejectedOn(), body.reason());
	}

	public static GiveConsent consent(ParticipantId p, CaseRequests.Consent body) {
		return new GiveConsent(p, body.givenOn(), actors(body.actors()));
	}

	public static WithdrawConsent consentWithdrawal(ParticipantId p, CaseRequests.ConsentWithdrawal body) {
		return new WithdrawConsent(p, body.withdrawnOn(), actors(body.actors()));
	}

	public static PauseParticipation pause(ParticipantId p, CaseRequests.Pause body) {
		return new PauseParticipation(p, body.pausedOn(), body.reason());
	}

	public static ResumeParticipation resumption(ParticipantId p, CaseRequests.Resumption body) {
		return new ResumeParticipation(p, body.resumedOn());
	}

	public static ExitParticipant exit(ParticipantId p, CaseRequests.Exit body, ProjectSettings settings) {
		return new ExitParticipant(p, body.exitedOn(), body.reason(), body.outcome(), settings);
	}

	public static RecordPostExitFollowUp postExitFollowUp(ParticipantId p, CaseRequests.PostExitFollowUp body) {
		return new RecordPostExitFollowUp(p, body.daysAfterExit(), body.followedUpOn(), body.status());
	}

	public static AnswerSurvey surveyAnswer(ParticipantId p, CaseRequests.SurveyAnswer body) {
		return new AnswerSurvey(p, body.answeredOn(), body.questionKey(), body.answer());
	}

	public static RecordCorrection correction(ParticipantId p, CaseRequests.Correction body) {
		return new RecordCorrection(p, new EventId(body.corrects()), body.correctedValues(), body.correctedOn(),
				body.reason());
	}

	private static List<ActorId> actors(@Nullable List<String> ids) {
		return (ids != null) ? ids.stream().map(ActorId::of).toList() : List.of();
	}

}
