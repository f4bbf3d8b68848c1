package se.kedja.cases.participant;

import java.util.List;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import se.kedja.cases.participant.command.RecordPostExitFollowUp;
import se.kedja.cases.participant.command.RetractImportedEvents;
import se.kedja.events.EventId;
import se.kedja.events.ExitOutcome;
import se.kedja.events.cases.ImportedEventsRetracted;
import se.kedja.events.cases.ParticipantExited;
import se.kedja.events.cases.PostExitFollowUpRecorded;

import static se.kedja.cases.participant.CaseFixtures.CLOCK;
import static se.kedja.cases.participant.CaseFixtures.PARTICIPANT;
import static se.kedja.cases.participant.CaseFixtures.TODAY;
import static se.kedja.cases.participant.CaseFixtures.enrolled;
import static se.kedja.cases.participant.CaseFixtures.exit;
import static se.kedja.cases.participant.CaseFixtures.exited;
import static se.kedja.cases.participant.CaseFixtures.planAgreed;
import static se.kedja.cases.participant.CaseFixtures.refusedWith;

class RetractionAggregateTest {

	private static final String IMPORT = "7f1c9a2e-5b3d-4e6f-8a9b-0c1d2e3f4a5b";

	private AggregateTestFixture<ParticipantCase> fixture;

	@BeforeEach
	void setUp() {
		this.fixture = CaseFixtures.fixture();
	}

	@Test
	void events_of_an_undone_import_are_retracted_with_the_import_and_why() {
		TestExecutor<ParticipantCase> given = this.fixture.given(enrolled(), exited(TODAY.minusDays(3)));
		EventId exit = recordedEventId(1);
		given.when(retract(exit))
			.expectEvents(new ImportedEventsRetracted(PARTICIPANT, IMPORT, List.of(exit), "wrong file", TODAY));
	}

	@Test
	void a_retracted_exit_no_longer_counts_so_the_participant_may_exit_again() {
		TestExecutor<ParticipantCase> given = this.fixture.given(enrolled(), exited(TODAY.minusDays(3)));
		EventId exit = recordedEventId(1);
		given.andGiven(new ImportedEventsRetracted(PARTICIPANT, IMPORT, List.of(exit), "wrong file", TODAY))
			.when(exit(TODAY))
			.expectSuccessfulHandlerExecution()
			.expectEvents(new ParticipantExited(PARTICIPANT, TODAY, exited(TODAY).reason(), exited(TODAY).outcome()));
	}

	@Test
	void a_retracted_post_exit_follow_up_may_be_recorded_again() {
		TestExecutor<ParticipantCase> given = this.fixture.given(enrolled(), exited(TODAY.minusDays(100)),
				new PostExitFollowUpRecorded(PARTICIPANT, 90, TODAY.minusDays(5), ExitOutcome.EMPLOYMENT));
		EventId followUp = recordedEventId(2);
		given.andGiven(new ImportedEventsRetracted(PARTICIPANT, IMPORT, List.of(followUp), "wrong file", TODAY))
			.when(new RecordPostExitFollowUp(PARTICIPANT, 90, TODAY, ExitOutcome.EDUCATION))
			.expectEvents(new PostExitFollowUpRecorded(PARTICIPANT, 90, TODAY, ExitOutcome.EDUCATION));
	}

	@Test
	void a_case_whose_enrolment_is_retracted_records_nothing_more() {
		TestExecutor<ParticipantCase> given = this.fixture.given(enrolled(), planAgreed());
		EventId enrolment = recordedEventId(0);
		EventId plan = recordedEventId(1);
		given.andGiven(new ImportedEventsRetracted(PARTICIPANT, IMPORT, List.of(enrolment, plan), "wrong file", TODAY))
			.when(exit(TODAY))
			.expectException(refusedWith(CaseError.CASE_RETRACTED));
	}

	@Test
	void retracting_the_enrolment_cancels_the_deadlines_of_the_case() {
		this.fixture.givenCurrentTime(CLOCK.instant())
			.andGivenCommands(CaseFixtures.enrol(TODAY.minusDays(2)))
			.when(retract(recordedEventId(0)))
			.expectNoScheduledDeadlines();
	}

	@Test
	void an_event_the_case_does_not_have_is_not_retracted() {
		this.fixture.given(enrolled())
			.when(retract(EventId.random()))
			.expectException(refusedWith(CaseError.UNKNOWN_EVENT));
	}

	@Test
	void an_event_is_retracted_once() {
		TestExecutor<ParticipantCase> given = this.fixture.given(enrolled(), exited(TODAY.minusDays(3)));
		EventId exit = recordedEventId(1);
		given.andGiven(new ImportedEventsRetracted(PARTICIPANT, IMPORT, List.of(exit), "wrong file", TODAY))
			.when(retract(exit))
			.expectException(refusedWith(CaseError.UNKNOWN_EVENT));
	}

	private static RetractImportedEvents retract(EventId event) {
		return new RetractImportedEvents(PARTICIPANT, IMPORT, List.of(event), "wrong file", TODAY);
	}

	private EventId recordedEventId(int sequence) {
		return EventId.of(this.fixture.getEventStore()
			.readEvents(PARTICIPANT.toString())
			.asStream()
			.skip(sequence)
			.findFirst()
			.orElseThrow()
			.getIdentifier());
	}

}
