package se.kedja.audit.replay;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

import se.kedja.audit.replay.CaseState.Status;
import se.kedja.audit.store.RecordedEvent;
import se.kedja.events.EventId;
import se.kedja.events.ParticipantId;
import se.kedja.events.cases.ActivityCompleted;
import se.kedja.events.cases.ActivityStarted;
import se.kedja.events.cases.CaseEvent;
import se.kedja.events.cases.ConsentGiven;
import se.kedja.events.cases.ConsentWithdrawn;
import se.kedja.events.cases.CorrectionRecorded;
import se.kedja.events.cases.FollowUpHeld;
import se.kedja.events.cases.ImportedEventsRetracted;
import se.kedja.events.cases.ParticipantEnrolled;
import se.kedja.events.cases.ParticipantExited;
import se.kedja.events.cases.ParticipantReferred;
import se.kedja.events.cases.ParticipationPaused;
import se.kedja.events.cases.ParticipationResumed;
import se.kedja.events.cases.PersonalDataErased;
import se.kedja.events.cases.PlanAgreed;
import se.kedja.events.cases.PlanDeadlineMissed;
import se.kedja.events.cases.PlanRevised;
import se.kedja.events.cases.PostExitFollowUpDeadlineMissed;
import se.kedja.events.cases.PostExitFollowUpRecorded;
import se.kedja.events.cases.SurveyAnswered;
import se.kedja.events.cases.TransferAccepted;
import se.kedja.events.cases.TransferRejected;
import se.kedja.events.cases.TransferRequested;

/**
 * The one fold every view of a case goes through. Which events take part is the caller's
 * choice (recorded by a time, or happened by a date); a correction among them is never
 * folded itself but rewrites the fields of the event it corrects before that is folded.
 */
public final class CaseReplay {

	private CaseReplay() {
	}

	/**
	 * The case as it was recorded by {@code asOf}: later records, later corrections too,
	 * are unknown.
	 */
	public static CaseState asRecordedBy(ParticipantId participantId, List<RecordedEvent> events, Instant asOf) {
		return replay(participantId, events.stream().filter((event) -> !event.recordedAt().isAfter(asOf)).toList(),
				(event) -> true);
	}

	/**
	 * The case as it stood on {@code date} with every correction known today applied:
	 * what happened by then, judged by the corrected business dates.
	 */
	public static CaseState asOnBusinessDate(ParticipantId participantId, List<RecordedEvent> events, LocalDate date) {
		return replay(participantId, events, (event) -> !event.businessDate().isAfter(date));
	}

	/** Every event known, every correction applied. */
	public static CaseState current(ParticipantId participantId, List<RecordedEvent> events) {
		return replay(participantId, events, (event) -> true);
	}

	/**
	 * Folds {@code events} in the given order, applying the corrections among them; a
	 * fact takes part when {@code happened} accepts it as corrected.
	 */
	static CaseState replay(ParticipantId participantId, List<RecordedEvent> events, Predicate<CaseEvent> happened) {
		Map<EventId, List<CorrectionRecorded>> corrections = new HashMap<>();
		Set<EventId> retracted = new HashSet<>();
		List<RecordedEvent> facts = new ArrayList<>();
		for (RecordedEvent event : events) {
			if (event.payload() instanceof CorrectionRecorded correction) {
				corrections.computeIfAbsent(correction.corrects(), (id) -> new ArrayList<>()).add(correction);
			}
			else {
				facts.add(event);
			}
			if (event.payload() instanceof ImportedEventsRetracted retraction && happened.test(retraction)) {
				retracted.addAll(retraction.retracted());
			}
		}
		CaseState.Builder state = new CaseState.Builder(CaseState.empty(participantId));
		for (RecordedEvent fact : facts) {
			if (retracted.contains(fact.eventId())) {
				continue;
			}
			List<CorrectionRecorded> applicable = corrections.getOrDefault(fact.eventId(), List.of());
			CaseEvent corrected = Corrections.apply(fact.payload(), applicable);
			if (!happened.test(corrected)) {
				continue;
			}
			apply(state, corrected);
			state.correctionsApplied += applicable.size();
		}
		return state.build();
	}

	static void apply(CaseState.Builder next, CaseEvent event) {
		switch (event) {
			case ParticipantEnrolled enrolled -> {
				next.status = Status.ACTIVE;
				next.enrolment = enrolled;
				next.responsibleActor = enrolled.responsibleActor().toString();
			}
			case PlanAgreed plan -> {
				next.planAgreedOn = plan.agreedOn();
				next.planGoals = plan.goals().size();
				next.accessibilityNeeds = plan.accessibilityNeeds().stream().map(Object::toString).toList();
			}
			case PlanRevised plan -> {
				next.planRevisedOn = plan.revisedOn();
				next.planGoals = plan.goals().size();
				next.accessibilityNeeds = plan.accessibilityNeeds().stream().map(Object::toString).toList();
			}
			case ActivityStarted started -> {
				Map<String, String> open = new TreeMap<>(next.openActivities);
				open.put(started.activityId().toString(), started.type().toString());
				next.openActivities = open;
			}
			case ActivityCompleted completed -> {
				Map<String, String> open = new TreeMap<>(next.openActivities);
				open.remove(completed.activityId().toString());
				next.openActivities = open;
				next.activitiesCompleted++;
			}
			case FollowUpHeld followUp -> {
				next.followUps++;
				next.lastFollowUpOn = followUp.heldOn();
			}
			case ParticipantReferred referred -> {
			}
			case TransferRequested requested -> next.pendingTransferTo = requested.to().toString();
			case TransferAccepted accepted -> {
				next.pendingTransferTo = null;
				next.responsibleActor = accepted.to().toString();
			}
			case TransferRejected rejected -> next.pendingTransferTo = null;
			case ConsentGiven given -> {
				List<String> actors = new ArrayList<>(next.consentedActors);
				given.actors()
					.stream()
					.map(Object::toString)
					.filter((actor) -> !actors.contains(actor))
					.forEach(actors::add);
				next.consentedActors = actors;
			}
			case ConsentWithdrawn withdrawn -> {
				List<String> actors = new ArrayList<>(next.consentedActors);
				withdrawn.actors().forEach((actor) -> actors.remove(actor.toString()));
				next.consentedActors = actors;
			}
			case ParticipationPaused paused -> {
				next.status = Status.PAUSED;
				next.pausedFor = paused.reason().toString();
			}
			case ParticipationResumed resumed -> {
				next.status = Status.ACTIVE;
				next.pausedFor = null;
			}
			case ParticipantExited exited -> {
				next.status = Status.EXITED;
				next.pausedFor = null;
				next.exitedOn = exited.exitedOn();
				next.exitReason = exited.reason().toString();
				next.exitOutcome = exited.outcome().toString();
			}
			case PostExitFollowUpRecorded followUp -> {
				Map<String, String> outcomes = new TreeMap<>(next.postExitOutcomes);
				outcomes.put("day " + followUp.daysAfterExit(), followUp.status().toString());
				next.postExitOutcomes = outcomes;
			}
			case SurveyAnswered answered -> {
				Map<String, String> answers = new TreeMap<>(next.surveyAnswers);
				answers.put(answered.questionKey(), answered.answer());
				next.surveyAnswers = answers;
			}
			case PlanDeadlineMissed missed -> next.missedDeadlines = append(next, missed.dueOn());
			case PostExitFollowUpDeadlineMissed missed -> next.missedDeadlines = append(next, missed.dueOn());
			case PersonalDataErased erased -> next.personalDataErased = true;
			case CorrectionRecorded correction -> {
			}
			case ImportedEventsRetracted retraction -> {
			}
		}
	}

	private static List<LocalDate> append(CaseState.Builder next, LocalDate date) {
		List<LocalDate> dates = new ArrayList<>(next.missedDeadlines);
		dates.add(date);
		return dates;
	}

}
