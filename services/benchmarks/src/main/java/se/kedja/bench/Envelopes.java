package se.kedja.bench;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import se.kedja.events.ActorId;
import se.kedja.events.CoachId;
import se.kedja.events.EntrySituation;
import se.kedja.events.EventEnvelope;
import se.kedja.events.EventId;
import se.kedja.events.Gender;
import se.kedja.events.IscedBand;
import se.kedja.events.MunicipalityCode;
import se.kedja.events.ParticipantId;
import se.kedja.events.ProjectId;
import se.kedja.events.SiteId;
import se.kedja.events.cases.ParticipantEnrolled;
import se.kedja.events.json.EventHashes;

/**
 * Well-formed envelopes as case-service's publisher writes them, for the bare producer.
 */
public final class Envelopes {

	private Envelopes() {
	}

	/**
	 * A participant-enrolled envelope of a new participant of the suite's project,
	 * hashed.
	 */
	public static EventEnvelope<?> enrolment(LocalDate day, long n) {
		ParticipantId participant = ParticipantId.random();
		ParticipantEnrolled event = new ParticipantEnrolled(participant, ProjectId.of(Cases.PROJECT),
				SiteId.of("katrineholm-vingaker"), CoachId.of("coach-bench"), ActorId.of(Cases.PROJECT), day,
				(n % 2 == 0) ? Gender.FEMALE : Gender.MALE, 1960 + (int) (n % 40), MunicipalityCode.of("0428"),
				List.of("long-term-unemployed"), List.of(EntrySituation.LONG_TERM_UNEMPLOYED), 14, IscedBand.ISCED_3_4,
				null, false, true);
		EventEnvelope<ParticipantEnrolled> envelope = new EventEnvelope<>(EventId.random(), "participant-enrolled", 1,
				participant.value().toString(), 0, day, Instant.now(), "kedja-bench", UUID.randomUUID(),
				UUID.randomUUID(), null, null, null, EventEnvelope.UNKNOWN_POSITION, event);
		return envelope.withHash(EventHashes.hash(envelope));
	}

}
