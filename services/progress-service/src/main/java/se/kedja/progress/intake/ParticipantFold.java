package se.kedja.progress.intake;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import se.kedja.events.EventEnvelope;
import se.kedja.events.EventId;
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
import se.kedja.events.json.EventJson;

/**
 * Folds a case's events, in order, into the participant read model. A correction is
 * honoured by folding the corrected event with its corrected values in place of the
 * original, so every field the correction names changes and nothing else does. Events
 * retracted with their import are left out, as if never recorded; without its enrolment
 * the participant is no one (null).
 */
public final class ParticipantFold {

	private final EventJson json;

	public ParticipantFold(EventJson json) {
		this.json = json;
	}

	/** The participant after {@code history}, or null before enrolment. */
	public @Nullable Participant fold(List<EventEnvelope<CaseEvent>> history) {
		Map<EventId, Map<String, String>> corrections = new HashMap<>();
		Set<EventId> retracted = new HashSet<>();
		for (EventEnvelope<CaseEvent> envelope : history) {
			if (envelope.payload() instanceof CorrectionRecorded correction) {
				corrections.computeIfAbsent(correction.corrects(), (id) -> new HashMap<>())
					.putAll(correction.correctedValues());
			}
			if (envelope.payload() instanceof ImportedEventsRetracted retraction) {
				retracted.addAll(retraction.retracted());
			}
		}
		Participant.Draft draft = null;
		for (EventEnvelope<CaseEvent> envelope : history) {
			if (retracted.contains(envelope.eventId())) {
				continue;
			}
			CaseEvent event = envelope.payload();
			Map<String, String> corrected = corrections.get(envelope.eventId());
			if (corrected != null) {
				event = corrected(envelope, corrected);
			}
			draft = apply(draft, event);
		}
		return (draft != null) ? draft.build() : null;
	}

	/**
	 * Folds one case as its events are delivered, one after the other, each time giving
	 * what {@link #fold} gives for the history so far (kept in sequence order). While the
	 * events come in sequence order and none is a correction or retraction, each is only
	 * applied to the participant so far; otherwise the history is folded again.
	 */
	public Replay replay() {
		return new Replay();
	}

	/** One case's history as delivered so far (see {@link #replay}). */
	public final class Replay {

		private final List<EventEnvelope<CaseEvent>> history = new ArrayList<>();

		private Participant.@Nullable Draft draft;

		private boolean refolds;

		/**
		 * The participant once {@code envelope} is added; when that throws, the history
		 * is left as it was.
		 */
		public @Nullable Participant add(EventEnvelope<CaseEvent> envelope) {
			CaseEvent event = envelope.payload();
			boolean inOrder = this.history.isEmpty()
					|| envelope.sequence() >= this.history.get(this.history.size() - 1).sequence();
			if (!this.refolds && inOrder && !(event instanceof CorrectionRecorded)
					&& !(event instanceof ImportedEventsRetracted)) {
				try {
					this.draft = apply(this.draft, event);
				}
				catch (RuntimeException ex) {
					this.refolds = true;
					throw ex;
				}
				this.history.add(envelope);
				return (this.draft != null) ? this.draft.build() : null;
			}
			List<EventEnvelope<CaseEvent>> next = new ArrayList<>(this.history);
			next.add(envelope);
			next.sort((a, b) -> Long.compare(a.sequence(), b.sequence()));
			Participant after = fold(next);
			this.history.add(envelope);
			this.history.sort((a, b) -> Long.compare(a.sequence(), b.sequence()));
			this.refolds = true;
			return after;
		}

	}

	private CaseEvent corrected(EventEnvelope<CaseEvent> envelope, Map<String, String> values) {
		ObjectNode node = (ObjectNode) this.json.mapper().valueToTree(envelope.payload());
		values.forEach((field, value) -> node.set(field, jsonValue(value)));
		return this.json.readPayload(envelope.type(), envelope.schemaVersion(), node);
	}

	/**
	 * A corrected value is in its field's JSON form: a number or list as such, else text.
	 */
	private JsonNode jsonValue(String value) {
		String trimmed = value.trim();
		if (trimmed.startsWith("[") || trimmed.startsWith("{") || trimmed.matches("-?[0-9]+") || trimmed.equals("true")
				|| trimmed.equals("false")) {
			return this.json.mapper().readTree(trimmed);
		}
		return this.json.mapper().getNodeFactory().textNode(value);
	}

	private static Participant.@Nullable Draft apply(Participant.@Nullable Draft draft, CaseEvent event) {
		if (event instanceof ParticipantEnrolled enrolled) {
			return enrol(draft, enrolled);
		}
		if (draft == null) {
			return null;
		}
		switch (event) {
			case ParticipantEnrolled enrolled -> throw new IllegalStateException("handled above");
			case PlanAgreed plan -> {
				draft.planAgreedOn = (draft.planAgreedOn == null || plan.agreedOn().isBefore(draft.planAgreedOn))
						? plan.agreedOn() : draft.planAgreedOn;
				draft.plans++;
				draft.plansAccessibilityReviewed++;
				draft.planDeadlineMissed = false;
			}
			case PlanRevised revised -> {
				draft.plans++;
				draft.plansAccessibilityReviewed++;
			}
			case FollowUpHeld followUp -> {
				if (draft.lastFollowUpOn == null || followUp.heldOn().isAfter(draft.lastFollowUpOn)) {
					draft.lastFollowUpOn = followUp.heldOn();
				}
				draft.followUps++;
				draft.followUpsAccessibilityReviewed += followUp.accessibilityReviewed() ? 1 : 0;
				if (!followUp.accessibilityReviewed()) {
					draft.followUpsNotReviewedOn.add(followUp.heldOn());
				}
			}
			case ActivityStarted started -> {
				draft.activitiesStarted.add(started.type().name());
				draft.activityTypes.put(started.activityId().toString(), started.type().name());
			}
			case ActivityCompleted completed -> {
				String type = draft.activityTypes.get(completed.activityId().toString());
				if (type != null && completed.asPlanned()) {
					draft.activitiesCompleted.add(type);
				}
			}
			case TransferRequested requested -> draft.pendingTransferSince = requested.requestedOn();
			case TransferAccepted accepted -> {
				draft.responsibleActor = accepted.to().value();
				draft.pendingTransferSince = null;
			}
			case TransferRejected rejected -> draft.pendingTransferSince = null;
			case ParticipationPaused paused -> draft.paused = true;
			case ParticipationResumed resumed -> draft.paused = false;
			case ParticipantExited exited -> {
				draft.exitedOn = exited.exitedOn();
				draft.exitReason = exited.reason().name();
				draft.outcome = exited.outcome().name();
				draft.paused = false;
			}
			case PostExitFollowUpRecorded followUp -> {
				draft.postExitStatus.put(followUp.daysAfterExit(), followUp.status().name());
				draft.postExitFollowUpDeadlineMissed = false;
			}
			case SurveyAnswered answered -> draft.surveyAnswers.put(answered.questionKey(), answered.answer());
			case PlanDeadlineMissed missed -> draft.planDeadlineMissed = draft.planAgreedOn == null;
			case PostExitFollowUpDeadlineMissed missed ->
				draft.postExitFollowUpDeadlineMissed = !draft.postExitStatus.containsKey(missed.daysAfterExit());
			case PersonalDataErased erased -> draft.erased = true;
			case CorrectionRecorded correction -> {
			}
			case ImportedEventsRetracted retraction -> {
			}
			case ParticipantReferred referred -> {
			}
			case ConsentGiven given -> {
			}
			case ConsentWithdrawn withdrawn -> {
			}
		}
		return draft;
	}

	private static Participant.Draft enrol(Participant.@Nullable Draft previous, ParticipantEnrolled enrolled) {
		Participant.Draft draft = (previous != null) ? previous
				: new Participant.Draft(enrolled.participantId().toString(), enrolled.projectId().value(),
						enrolled.gender().name(), enrolled.enrolledOn());
		draft.projectId = enrolled.projectId().value();
		draft.gender = enrolled.gender().name();
		draft.enrolledOn = enrolled.enrolledOn();
		draft.site = enrolled.siteId().value();
		draft.coach = enrolled.coachId().value();
		draft.responsibleActor = enrolled.responsibleActor().value();
		draft.birthYear = enrolled.birthYear();
		draft.municipality = enrolled.municipality().value();
		draft.targetGroups.clear();
		draft.targetGroups.addAll(enrolled.targetGroups());
		draft.entrySituations.clear();
		enrolled.entrySituations().forEach((situation) -> draft.entrySituations.add(situation.name()));
		draft.isced = enrolled.isced().name();
		draft.monthsWithoutWork = enrolled.monthsWithoutWork();
		draft.disability = enrolled.disability();
		draft.foreignBackground = enrolled.foreignBackground();
		draft.consentToStatistics = enrolled.consentToStatistics();
		return draft;
	}

}
