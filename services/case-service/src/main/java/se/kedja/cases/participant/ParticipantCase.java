package se.kedja.cases.participant;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.jspecify.annotations.Nullable;

import se.kedja.cases.participant.command.AcceptTransfer;
import se.kedja.cases.participant.command.AgreePlan;
import se.kedja.cases.participant.command.AnswerSurvey;
import se.kedja.cases.participant.command.CompleteActivity;
import se.kedja.cases.participant.command.EnrolParticipant;
import se.kedja.cases.participant.command.ErasePersonalData;
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
import se.kedja.cases.participant.command.RetractImportedEvents;
import se.kedja.cases.participant.command.RevisePlan;
import se.kedja.cases.participant.command.StartActivity;
import se.kedja.cases.participant.command.WithdrawConsent;
import se.kedja.events.ActivityId;
import se.kedja.events.ActorId;
import se.kedja.events.EventId;
import se.kedja.events.ParticipantId;
import se.kedja.events.TransferId;
import se.kedja.events.cases.ActivityCompleted;
import se.kedja.events.cases.ActivityStarted;
import se.kedja.events.cases.CaseEvent;
import se.kedja.events.cases.ConsentGiven;
import se.kedja.events.cases.ConsentWithdrawn;
import se.kedja.events.cases.CorrectionRecorded;
import se.kedja.events.cases.FollowUpHeld;
import se.kedja.events.cases.GoalProgress;
import se.kedja.events.cases.ImportedEventsRetracted;
import se.kedja.events.cases.ParticipantEnrolled;
import se.kedja.events.cases.ParticipantExited;
import se.kedja.events.cases.ParticipantReferred;
import se.kedja.events.cases.ParticipationPaused;
import se.kedja.events.cases.ParticipationResumed;
import se.kedja.events.cases.PersonalDataErased;
import se.kedja.events.cases.PlanAgreed;
import se.kedja.events.cases.PlanDeadlineMissed;
import se.kedja.events.cases.PlanGoal;
import se.kedja.events.cases.PlanRevised;
import se.kedja.events.cases.PostExitFollowUpDeadlineMissed;
import se.kedja.events.cases.PostExitFollowUpRecorded;
import se.kedja.events.cases.SurveyAnswered;
import se.kedja.events.cases.TransferAccepted;
import se.kedja.events.cases.TransferRejected;
import se.kedja.events.cases.TransferRequested;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static se.kedja.cases.participant.BusinessDates.after;
import static se.kedja.cases.participant.BusinessDates.requireHappened;
import static se.kedja.cases.participant.BusinessDates.requireInCase;
import static se.kedja.cases.participant.BusinessDates.requireNotBefore;
import static se.kedja.cases.participant.BusinessDates.requireWithinProject;
import static se.kedja.cases.participant.CaseRuleViolation.refuseIf;

/**
 * One participant's case (ärende), from enrolment to erasure. Command handlers check the
 * rules and apply events; the one event sourcing handler only assigns.
 */
@Aggregate(lockFactory = "transactionScopedLockFactory", cache = "caseCache")
class ParticipantCase {

	/**
	 * The participant's UUID as text: Axon keeps the identifier in deadline scopes, which
	 * a persistent deadline manager serialises, and a plain string survives that
	 * unchanged.
	 */
	@AggregateIdentifier
	private String caseId;

	private ParticipantId participantId;

	private LocalDate enrolledOn;

	private ActorId responsibleActor;

	/**
	 * Every event of the case, in order; the state is their fold without the retracted.
	 */
	private final Map<EventId, CaseEvent> history = new LinkedHashMap<>();

	private final Set<EventId> retracted = new HashSet<>();

	/** The enrolment was retracted with its import: the case no longer exists. */
	private boolean withdrawn;

	private final Set<ActorId> consented = new HashSet<>();

	private @Nullable List<PlanGoal> planGoals;

	private @Nullable LocalDate planAgreedOn;

	private final Map<ActivityId, LocalDate> openActivities = new HashMap<>();

	private final Set<ActivityId> completedActivities = new HashSet<>();

	private @Nullable TransferRequested pendingTransfer;

	private @Nullable LocalDate pausedOn;

	private @Nullable LocalDate exitedOn;

	/** The business date of each post-exit follow-up recorded, by days after exit. */
	private final Map<Integer, LocalDate> postExitFollowUpsRecorded = new HashMap<>();

	private boolean erased;

	ParticipantCase() {
	}

	@CommandHandler
	ParticipantCase(EnrolParticipant command, Clock clock, DeadlineManager deadlines, PastDueGrace grace) {
		requireHappened(command.enrolledOn(), clock);
		requireWithinProject(command.enrolledOn(), command.project().periodStart(), command.project().periodEnd());
		refuseIf(command.disability() != null && !command.consentToStatistics(), CaseError.DISABILITY_WITHOUT_CONSENT,
				"Disability is recorded only with the participant's consent");
		apply(new ParticipantEnrolled(command.participantId(), command.projectId(), command.siteId(), command.coachId(),
				command.responsibleActor(), command.enrolledOn(), command.gender(), command.birthYear(),
				command.municipality(), command.targetGroups(), command.entrySituations(), command.monthsWithoutWork(),
				command.isced(), command.disability(), command.foreignBackground(), command.consentToStatistics()));
		LocalDate planDueOn = command.enrolledOn().plusDays(command.project().settings().planDueDays());
		deadlines.schedule(grace.firing(after(planDueOn, clock), clock), PlanDue.DEADLINE, new PlanDue(planDueOn));
	}

	@CommandHandler
	void handle(AgreePlan command, Clock clock) {
		requireActive();
		requireInCase(command.agreedOn(), this.enrolledOn, clock);
		refuseIf(this.planGoals != null, CaseError.PLAN_ALREADY_AGREED, "A plan is already agreed; revise it instead");
		requireUniqueKeys(command.goals());
		apply(new PlanAgreed(this.participantId, command.agreedOn(), command.goals(), command.plannedActivities(),
				command.accessibilityNeeds(), command.agreedWith()));
	}

	@CommandHandler
	void handle(RevisePlan command, Clock clock) {
		requireActive();
		requireInCase(command.revisedOn(), this.enrolledOn, clock);
		refuseIf(this.planGoals == null, CaseError.NO_PLAN, "There is no agreed plan to revise");
		requireUniqueKeys(command.goals());
		apply(new PlanRevised(this.participantId, command.revisedOn(), command.goals(), command.plannedActivities(),
				command.accessibilityNeeds()));
	}

	@CommandHandler
	void handle(StartActivity command, Clock clock) {
		requireActive();
		requireInCase(command.startedOn(), this.enrolledOn, clock);
		refuseIf(this.pausedOn != null, CaseError.PARTICIPATION_PAUSED,
				"Participation is paused since " + this.pausedOn);
		refuseIf(
				this.openActivities.containsKey(command.activityId())
						|| this.completedActivities.contains(command.activityId()),
				CaseError.ACTIVITY_ALREADY_STARTED, "Activity " + command.activityId() + " is already started");
		apply(new ActivityStarted(this.participantId, command.activityId(), command.type(), command.startedOn(),
				command.provider(), command.actorsTakingPart()));
	}

	@CommandHandler
	void handle(CompleteActivity command, Clock clock) {
		requireActive();
		requireInCase(command.completedOn(), this.enrolledOn, clock);
		refuseIf(this.completedActivities.contains(command.activityId()), CaseError.ACTIVITY_ALREADY_COMPLETED,
				"Activity " + command.activityId() + " is already completed");
		LocalDate startedOn = this.openActivities.get(command.activityId());
		refuseIf(startedOn == null, CaseError.UNKNOWN_ACTIVITY, "No activity " + command.activityId() + " was started");
		requireNotBefore(command.completedOn(), startedOn, "the activity's start");
		apply(new ActivityCompleted(this.participantId, command.activityId(), command.completedOn(),
				command.asPlanned()));
	}

	@CommandHandler
	void handle(HoldFollowUp command, Clock clock) {
		requireActive();
		requireInCase(command.heldOn(), this.enrolledOn, clock);
		List<String> goalKeys = (this.planGoals != null) ? this.planGoals.stream().map(PlanGoal::key).toList()
				: List.of();
		for (GoalProgress progress : command.progress()) {
			refuseIf(!goalKeys.contains(progress.goalKey()), CaseError.UNKNOWN_PLAN_GOAL,
					"The plan has no goal '" + progress.goalKey() + "'");
		}
		apply(new FollowUpHeld(this.participantId, command.heldOn(), command.progress(),
				command.accessibilityReviewed(), command.ownAssessment()));
	}

	@CommandHandler
	void handle(ReferParticipant command, Clock clock) {
		requireActive();
		requireInCase(command.referredOn(), this.enrolledOn, clock);
		SharingPolicy.requireConsentOrReason(this.consented, command.to(), command.consentOverrideReason());
		apply(new ParticipantReferred(this.participantId, command.referredOn(), command.to(), command.purpose(),
				overrideReasonFor(command.to(), command.consentOverrideReason())));
	}

	@CommandHandler
	void handle(RequestTransfer command, Clock clock) {
		requireActive();
		requireInCase(command.requestedOn(), this.enrolledOn, clock);
		refuseIf(this.pendingTransfer != null, CaseError.TRANSFER_PENDING, "An earlier handover awaits an answer");
		refuseIf(command.to().equals(this.responsibleActor), CaseError.ALREADY_RESPONSIBLE,
				command.to() + " is already responsible");
		SharingPolicy.requireConsentOrReason(this.consented, command.to(), command.consentOverrideReason());
		apply(new TransferRequested(this.participantId, command.transferId(), command.requestedOn(),
				this.responsibleActor, command.to(), overrideReasonFor(command.to(), command.consentOverrideReason())));
	}

	@CommandHandler
	void handle(AcceptTransfer command, Clock clock) {
		TransferRequested request = requirePendingTransfer(command.transferId());
		requireInCase(command.acceptedOn(), this.enrolledOn, clock);
		requireNotBefore(command.acceptedOn(), request.requestedOn(), "the request");
		apply(new TransferAccepted(this.participantId, request.transferId(), command.acceptedOn(), request.from(),
				request.to()));
	}

	@CommandHandler
	void handle(RejectTransfer command, Clock clock) {
		TransferRequested request = requirePendingTransfer(command.transferId());
		requireInCase(command.rejectedOn(), this.enrolledOn, clock);
		requireNotBefore(command.rejectedOn(), request.requestedOn(), "the request");
		apply(new TransferRejected(this.participantId, request.transferId(), command.rejectedOn(), request.from(),
				request.to(), command.reason()));
	}

	@CommandHandler
	void handle(GiveConsent command, Clock clock) {
		requireNotErased();
		requireInCase(command.givenOn(), this.enrolledOn, clock);
		apply(new ConsentGiven(this.participantId, command.givenOn(), command.actors()));
	}

	@CommandHandler
	void handle(WithdrawConsent command, Clock clock) {
		requireNotErased();
		requireInCase(command.withdrawnOn(), this.enrolledOn, clock);
		refuseIf(!this.consented.containsAll(command.actors()), CaseError.NO_CONSENT_TO_WITHDRAW,
				"There is no consent to share with " + command.actors());
		apply(new ConsentWithdrawn(this.participantId, command.withdrawnOn(), command.actors()));
	}

	@CommandHandler
	void handle(PauseParticipation command, Clock clock) {
		requireActive();
		requireInCase(command.pausedOn(), this.enrolledOn, clock);
		refuseIf(this.pausedOn != null, CaseError.ALREADY_PAUSED, "Participation is already paused");
		apply(new ParticipationPaused(this.participantId, command.pausedOn(), command.reason()));
	}

	@CommandHandler
	void handle(ResumeParticipation command, Clock clock) {
		requireActive();
		requireInCase(command.resumedOn(), this.enrolledOn, clock);
		LocalDate paused = this.pausedOn;
		refuseIf(paused == null, CaseError.NOT_PAUSED, "Participation is not paused");
		requireNotBefore(command.resumedOn(), paused, "the pause");
		apply(new ParticipationResumed(this.participantId, command.resumedOn()));
	}

	@CommandHandler
	void handle(ExitParticipant command, Clock clock, DeadlineManager deadlines, PastDueGrace grace) {
		requireActive();
		requireInCase(command.exitedOn(), this.enrolledOn, clock);
		apply(new ParticipantExited(this.participantId, command.exitedOn(), command.reason(), command.outcome()));
		for (int days : command.settings().postExitFollowUpDays()) {
			LocalDate dueOn = command.exitedOn().plusDays(days);
			LocalDate lastDay = dueOn.plusDays(command.settings().postExitFollowUpWindowDays());
			deadlines.schedule(grace.firing(after(lastDay, clock), clock), PostExitFollowUpDue.DEADLINE,
					new PostExitFollowUpDue(days, dueOn, lastDay));
		}
	}

	@CommandHandler
	void handle(RecordPostExitFollowUp command, Clock clock) {
		requireNotErased();
		LocalDate exited = this.exitedOn;
		refuseIf(exited == null, CaseError.NOT_EXITED, "A post-exit follow-up needs an exit first");
		requireHappened(command.followedUpOn(), clock);
		LocalDate dueOn = exited.plusDays(command.daysAfterExit());
		refuseIf(command.daysAfterExit() < 1 || command.followedUpOn().isBefore(dueOn),
				CaseError.POST_EXIT_FOLLOW_UP_TOO_EARLY,
				"The " + command.daysAfterExit() + "-day follow-up is due on " + dueOn + " at the earliest");
		refuseIf(this.postExitFollowUpsRecorded.containsKey(command.daysAfterExit()),
				CaseError.POST_EXIT_FOLLOW_UP_ALREADY_RECORDED,
				"The " + command.daysAfterExit() + "-day follow-up is already recorded; correct it instead");
		apply(new PostExitFollowUpRecorded(this.participantId, command.daysAfterExit(), command.followedUpOn(),
				command.status()));
	}

	@CommandHandler
	void handle(AnswerSurvey command, Clock clock) {
		requireNotErased();
		requireInCase(command.answeredOn(), this.enrolledOn, clock);
		apply(new SurveyAnswered(this.participantId, command.answeredOn(), command.questionKey(), command.answer()));
	}

	@CommandHandler
	void handle(RecordCorrection command, Clock clock) {
		requireNotErased();
		requireInCase(command.correctedOn(), this.enrolledOn, clock);
		refuseIf(command.correctedValues().isEmpty() || command.reason().isBlank(), CaseError.CORRECTION_INCOMPLETE,
				"A correction says what it changes and why");
		CaseEvent correctedEvent = this.retracted.contains(command.corrects()) ? null
				: this.history.get(command.corrects());
		Class<? extends CaseEvent> corrected = (correctedEvent != null) ? correctedEvent.getClass() : null;
		refuseIf(corrected == null, CaseError.UNKNOWN_EVENT, "This case has no event " + command.corrects());
		for (String field : command.correctedValues().keySet()) {
			refuseIf(!Corrections.isCorrectable(corrected, field), CaseError.UNKNOWN_FIELD,
					corrected.getSimpleName() + " has no correctable field '" + field + "'");
		}
		apply(new CorrectionRecorded(this.participantId, command.corrects(), Corrections.typeName(corrected),
				command.correctedValues(), command.correctedOn(), command.reason()));
	}

	@CommandHandler
	void handle(ErasePersonalData command, Clock clock, DeadlineManager deadlines) {
		requireNotErased();
		requireInCase(command.erasedOn(), this.enrolledOn, clock);
		apply(new PersonalDataErased(this.participantId, command.erasedOn()));
		deadlines.cancelAllWithinScope(PlanDue.DEADLINE);
		deadlines.cancelAllWithinScope(PostExitFollowUpDue.DEADLINE);
	}

	@CommandHandler
	void handle(RetractImportedEvents command, Clock clock, DeadlineManager deadlines) {
		requireHappened(command.retractedOn(), clock);
		refuseIf(command.events().isEmpty() || command.reason().isBlank(), CaseError.CORRECTION_INCOMPLETE,
				"A retraction says which events and why");
		for (EventId event : command.events()) {
			refuseIf(
					!this.history.containsKey(event) || this.retracted.contains(event)
							|| this.history.get(event) instanceof ImportedEventsRetracted,
					CaseError.UNKNOWN_EVENT, "This case has no event " + event + " to retract");
		}
		List<Class<? extends CaseEvent>> types = command.events()
			.stream()
			.<Class<? extends CaseEvent>>map((event) -> this.history.get(event).getClass())
			.toList();
		apply(new ImportedEventsRetracted(this.participantId, command.importId(), command.events(), command.reason(),
				command.retractedOn()));
		if (types.contains(ParticipantEnrolled.class)) {
			deadlines.cancelAllWithinScope(PlanDue.DEADLINE);
		}
		if (types.contains(ParticipantEnrolled.class) || types.contains(ParticipantExited.class)) {
			deadlines.cancelAllWithinScope(PostExitFollowUpDue.DEADLINE);
		}
	}

	/**
	 * Judged by business dates, not by when things were recorded: a plan dated on or
	 * before the due day was in time even if it was recorded after the deadline fired,
	 * and a plan dated after it was late even if it was recorded before.
	 */
	@DeadlineHandler(deadlineName = PlanDue.DEADLINE)
	void on(PlanDue due) {
		boolean agreedInTime = this.planAgreedOn != null && !this.planAgreedOn.isAfter(due.dueOn());
		if (!agreedInTime && stillTakingPartOn(due.dueOn()) && !this.erased && !this.withdrawn) {
			apply(new PlanDeadlineMissed(this.participantId, due.dueOn()));
		}
	}

	@DeadlineHandler(deadlineName = PostExitFollowUpDue.DEADLINE)
	void on(PostExitFollowUpDue due) {
		LocalDate followedUpOn = this.postExitFollowUpsRecorded.get(due.daysAfterExit());
		boolean inTime = followedUpOn != null && !followedUpOn.isAfter(due.lastDay());
		if (!inTime && this.exitedOn != null && !this.erased && !this.withdrawn) {
			apply(new PostExitFollowUpDeadlineMissed(this.participantId, due.daysAfterExit(), due.dueOn(),
					due.lastDay()));
		}
	}

	@EventSourcingHandler
	void on(CaseEvent event, @MessageIdentifier String eventId) {
		this.history.put(EventId.of(eventId), event);
		if (event instanceof ImportedEventsRetracted retraction) {
			this.retracted.addAll(retraction.retracted());
			refold();
		}
		else {
			assign(event);
		}
	}

	/** The state again from the events that still count. */
	private void refold() {
		this.withdrawn = true;
		this.responsibleActor = null;
		this.consented.clear();
		this.planGoals = null;
		this.planAgreedOn = null;
		this.openActivities.clear();
		this.completedActivities.clear();
		this.pendingTransfer = null;
		this.pausedOn = null;
		this.exitedOn = null;
		this.postExitFollowUpsRecorded.clear();
		this.erased = false;
		this.history.forEach((id, event) -> {
			if (!this.retracted.contains(id) && !(event instanceof ImportedEventsRetracted)) {
				assign(event);
			}
		});
	}

	private void assign(CaseEvent event) {
		switch (event) {
			case ParticipantEnrolled e -> {
				this.caseId = e.participantId().toString();
				this.participantId = e.participantId();
				this.enrolledOn = e.enrolledOn();
				this.responsibleActor = e.responsibleActor();
				this.withdrawn = false;
			}
			case PlanAgreed e -> {
				this.planGoals = e.goals();
				this.planAgreedOn = e.agreedOn();
			}
			case PlanRevised e -> this.planGoals = e.goals();
			case ActivityStarted e -> this.openActivities.put(e.activityId(), e.startedOn());
			case ActivityCompleted e -> {
				this.openActivities.remove(e.activityId());
				this.completedActivities.add(e.activityId());
			}
			case TransferRequested e -> this.pendingTransfer = e;
			case TransferAccepted e -> {
				this.responsibleActor = e.to();
				this.pendingTransfer = null;
			}
			case TransferRejected e -> this.pendingTransfer = null;
			case ConsentGiven e -> this.consented.addAll(e.actors());
			case ConsentWithdrawn e -> this.consented.removeAll(e.actors());
			case ParticipationPaused e -> this.pausedOn = e.pausedOn();
			case ParticipationResumed e -> this.pausedOn = null;
			case ParticipantExited e -> this.exitedOn = e.exitedOn();
			case PostExitFollowUpRecorded e -> this.postExitFollowUpsRecorded.put(e.daysAfterExit(), e.followedUpOn());
			case PersonalDataErased e -> this.erased = true;
			case FollowUpHeld e -> {
			}
			case ParticipantReferred e -> {
			}
			case SurveyAnswered e -> {
			}
			case CorrectionRecorded e -> {
			}
			case PlanDeadlineMissed e -> {
			}
			case PostExitFollowUpDeadlineMissed e -> {
			}
			case ImportedEventsRetracted e -> {
			}
		}
	}

	private boolean stillTakingPartOn(LocalDate date) {
		return this.exitedOn == null || this.exitedOn.isAfter(date);
	}

	private void requireNotErased() {
		refuseIf(this.withdrawn, CaseError.CASE_RETRACTED, "The case's enrolment was retracted with its import");
		refuseIf(this.erased, CaseError.CASE_ERASED, "The case's personal data is erased; nothing more is recorded");
	}

	private void requireActive() {
		requireNotErased();
		refuseIf(this.exitedOn != null, CaseError.ALREADY_EXITED, "The participant exited on " + this.exitedOn);
	}

	private TransferRequested requirePendingTransfer(TransferId transferId) {
		requireActive();
		TransferRequested request = this.pendingTransfer;
		refuseIf(request == null || !request.transferId().equals(transferId), CaseError.UNKNOWN_TRANSFER,
				"Handover " + transferId + " does not await an answer");
		return request;
	}

	private @Nullable String overrideReasonFor(ActorId to, @Nullable String reason) {
		return this.consented.contains(to) ? null : reason;
	}

	private static void requireUniqueKeys(List<PlanGoal> goals) {
		refuseIf(goals.stream().map(PlanGoal::key).distinct().count() != goals.size(), CaseError.PLAN_GOALS_NOT_UNIQUE,
				"Two goals of the plan share a key");
	}

}
