package se.kedja.cases.participant;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import se.kedja.cases.participant.command.PauseParticipation;
import se.kedja.cases.participant.command.ResumeParticipation;
import se.kedja.events.cases.ParticipationPaused;
import se.kedja.events.cases.ParticipationResumed;
import se.kedja.events.cases.PauseReason;

import static se.kedja.cases.participant.CaseFixtures.PARTICIPANT;
import static se.kedja.cases.participant.CaseFixtures.TODAY;
import static se.kedja.cases.participant.CaseFixtures.enrolled;
import static se.kedja.cases.participant.CaseFixtures.refusedWith;

class PauseAggregateTest {

	private static final ParticipationPaused PAUSED = new ParticipationPaused(PARTICIPANT, TODAY.minusDays(10),
			PauseReason.PARENTAL_LEAVE);

	private AggregateTestFixture<ParticipantCase> fixture;

	@BeforeEach
	void setUp() {
		this.fixture = CaseFixtures.fixture();
	}

	@Test
	void participation_is_paused() {
		this.fixture.given(enrolled())
			.when(new PauseParticipation(PARTICIPANT, TODAY.minusDays(10), PauseReason.PARENTAL_LEAVE))
			.expectEvents(PAUSED);
	}

	@Test
	void a_paused_participation_cannot_be_paused_again() {
		this.fixture.given(enrolled(), PAUSED)
			.when(new PauseParticipation(PARTICIPANT, TODAY, PauseReason.SICKNESS))
			.expectException(refusedWith(CaseError.ALREADY_PAUSED));
	}

	@Test
	void a_paused_participation_is_resumed() {
		this.fixture.given(enrolled(), PAUSED)
			.when(new ResumeParticipation(PARTICIPANT, TODAY))
			.expectEvents(new ParticipationResumed(PARTICIPANT, TODAY));
	}

	@Test
	void a_participation_that_is_not_paused_cannot_be_resumed() {
		this.fixture.given(enrolled())
			.when(new ResumeParticipation(PARTICIPANT, TODAY))
			.expectException(refusedWith(CaseError.NOT_PAUSED));
	}

	@Test
	void a_resumed_participation_cannot_be_resumed_again() {
		this.fixture.given(enrolled(), PAUSED, new ParticipationResumed(PARTICIPANT, TODAY))
			.when(new ResumeParticipation(PARTICIPANT, TODAY))
			.expectException(refusedWith(CaseError.NOT_PAUSED));
	}

	@Test
	void participation_cannot_resume_before_it_was_paused() {
		this.fixture.given(enrolled(), PAUSED)
			.when(new ResumeParticipation(PARTICIPANT, TODAY.minusDays(11)))
			.expectException(refusedWith(CaseError.DATE_OUT_OF_ORDER));
	}

}
