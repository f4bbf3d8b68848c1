package se.kedja.cases.participant;

import java.util.List;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import se.kedja.cases.participant.command.AcceptTransfer;
import se.kedja.cases.participant.command.GiveConsent;
import se.kedja.cases.participant.command.ReferParticipant;
import se.kedja.cases.participant.command.RejectTransfer;
import se.kedja.cases.participant.command.RequestTransfer;
import se.kedja.cases.participant.command.WithdrawConsent;
import se.kedja.events.TransferId;
import se.kedja.events.cases.ConsentGiven;
import se.kedja.events.cases.ConsentWithdrawn;
import se.kedja.events.cases.ParticipantReferred;
import se.kedja.events.cases.ReferralPurpose;
import se.kedja.events.cases.TransferAccepted;
import se.kedja.events.cases.TransferRejected;
import se.kedja.events.cases.TransferRejectionReason;
import se.kedja.events.cases.TransferRequested;

import static se.kedja.cases.participant.CaseFixtures.COOPERATIVE;
import static se.kedja.cases.participant.CaseFixtures.EMPLOYMENT_SERVICE;
import static se.kedja.cases.participant.CaseFixtures.ENROLLED_ON;
import static se.kedja.cases.participant.CaseFixtures.PARTICIPANT;
import static se.kedja.cases.participant.CaseFixtures.SOCIAL_SERVICES;
import static se.kedja.cases.participant.CaseFixtures.TODAY;
import static se.kedja.cases.participant.CaseFixtures.enrolled;
import static se.kedja.cases.participant.CaseFixtures.exited;
import static se.kedja.cases.participant.CaseFixtures.refusedWith;

class HandoverAggregateTest {

	private static final TransferId FIRST = TransferId.of("1a2b3c4d-5e6f-4a0b-9c1d-2e3f4a5b6c7d");

	private static final TransferId SECOND = TransferId.of("2b3c4d5e-6f7a-4b1c-8d2e-3f4a5b6c7d8e");

	private static final ConsentGiven CONSENT = new ConsentGiven(PARTICIPANT, ENROLLED_ON,
			List.of(EMPLOYMENT_SERVICE, SOCIAL_SERVICES));

	private static final TransferRequested REQUESTED = new TransferRequested(PARTICIPANT, FIRST, TODAY.minusDays(5),
			COOPERATIVE, EMPLOYMENT_SERVICE, null);

	private AggregateTestFixture<ParticipantCase> fixture;

	@BeforeEach
	void setUp() {
		this.fixture = CaseFixtures.fixture();
	}

	@Test
	void consent_to_share_with_named_actors_is_recorded() {
		this.fixture.given(enrolled())
			.when(new GiveConsent(PARTICIPANT, ENROLLED_ON, List.of(EMPLOYMENT_SERVICE, SOCIAL_SERVICES)))
			.expectEvents(CONSENT);
	}

	@Test
	void consent_that_was_never_given_cannot_be_withdrawn() {
		this.fixture.given(enrolled())
			.when(new WithdrawConsent(PARTICIPANT, TODAY, List.of(EMPLOYMENT_SERVICE)))
			.expectException(refusedWith(CaseError.NO_CONSENT_TO_WITHDRAW));
	}

	@Test
	void consent_is_withdrawn() {
		this.fixture.given(enrolled(), CONSENT)
			.when(new WithdrawConsent(PARTICIPANT, TODAY, List.of(EMPLOYMENT_SERVICE)))
			.expectEvents(new ConsentWithdrawn(PARTICIPANT, TODAY, List.of(EMPLOYMENT_SERVICE)));
	}

	@Test
	void a_referral_with_consent_is_recorded() {
		this.fixture.given(enrolled(), CONSENT)
			.when(new ReferParticipant(PARTICIPANT, TODAY, SOCIAL_SERVICES, ReferralPurpose.FINANCIAL_SUPPORT, null))
			.expectEvents(new ParticipantReferred(PARTICIPANT, TODAY, SOCIAL_SERVICES,
					ReferralPurpose.FINANCIAL_SUPPORT, null));
	}

	@Test
	void a_referral_without_consent_or_reason_is_refused() {
		this.fixture.given(enrolled())
			.when(new ReferParticipant(PARTICIPANT, TODAY, SOCIAL_SERVICES, ReferralPurpose.FINANCIAL_SUPPORT, " "))
			.expectException(refusedWith(CaseError.CONSENT_REQUIRED));
	}

	@Test
	void a_referral_without_consent_is_recorded_with_its_reason() {
		this.fixture.given(enrolled())
			.when(new ReferParticipant(PARTICIPANT, TODAY, SOCIAL_SERVICES, ReferralPurpose.HEALTH_CARE,
					"risk to health"))
			.expectEvents(new ParticipantReferred(PARTICIPANT, TODAY, SOCIAL_SERVICES, ReferralPurpose.HEALTH_CARE,
					"risk to health"));
	}

	@Test
	void a_referral_after_consent_was_withdrawn_needs_a_reason_again() {
		this.fixture.given(enrolled(), CONSENT, new ConsentWithdrawn(PARTICIPANT, TODAY, List.of(SOCIAL_SERVICES)))
			.when(new ReferParticipant(PARTICIPANT, TODAY, SOCIAL_SERVICES, ReferralPurpose.OTHER, null))
			.expectException(refusedWith(CaseError.CONSENT_REQUIRED));
	}

	@Test
	void a_transfer_request_names_the_responsible_actor_as_sender() {
		this.fixture.given(enrolled(), CONSENT)
			.when(new RequestTransfer(PARTICIPANT, FIRST, TODAY.minusDays(5), EMPLOYMENT_SERVICE, null))
			.expectEvents(REQUESTED);
	}

	@Test
	void a_transfer_without_consent_or_reason_is_refused() {
		this.fixture.given(enrolled())
			.when(new RequestTransfer(PARTICIPANT, FIRST, TODAY, EMPLOYMENT_SERVICE, null))
			.expectException(refusedWith(CaseError.CONSENT_REQUIRED));
	}

	@Test
	void a_transfer_to_the_actor_already_responsible_is_refused() {
		this.fixture.given(enrolled())
			.when(new RequestTransfer(PARTICIPANT, FIRST, TODAY, COOPERATIVE, null))
			.expectException(refusedWith(CaseError.ALREADY_RESPONSIBLE));
	}

	@Test
	void a_second_transfer_waits_until_the_first_is_answered() {
		this.fixture.given(enrolled(), CONSENT, REQUESTED)
			.when(new RequestTransfer(PARTICIPANT, SECOND, TODAY, SOCIAL_SERVICES, null))
			.expectException(refusedWith(CaseError.TRANSFER_PENDING));
	}

	@Test
	void an_accepted_transfer_is_recorded_from_sender_to_receiver() {
		this.fixture.given(enrolled(), CONSENT, REQUESTED)
			.when(new AcceptTransfer(PARTICIPANT, FIRST, TODAY))
			.expectEvents(new TransferAccepted(PARTICIPANT, FIRST, TODAY, COOPERATIVE, EMPLOYMENT_SERVICE));
	}

	@Test
	void responsibility_moves_only_on_acceptance() {
		this.fixture
			.given(enrolled(), CONSENT, REQUESTED,
					new TransferAccepted(PARTICIPANT, FIRST, TODAY, COOPERATIVE, EMPLOYMENT_SERVICE))
			.when(new RequestTransfer(PARTICIPANT, SECOND, TODAY, SOCIAL_SERVICES, null))
			.expectEvents(new TransferRequested(PARTICIPANT, SECOND, TODAY, EMPLOYMENT_SERVICE, SOCIAL_SERVICES, null));
	}

	@Test
	void a_rejected_transfer_leaves_the_sender_responsible() {
		this.fixture
			.given(enrolled(), CONSENT, REQUESTED,
					new TransferRejected(PARTICIPANT, FIRST, TODAY, COOPERATIVE, EMPLOYMENT_SERVICE,
							TransferRejectionReason.NO_CAPACITY))
			.when(new RequestTransfer(PARTICIPANT, SECOND, TODAY, SOCIAL_SERVICES, null))
			.expectEvents(new TransferRequested(PARTICIPANT, SECOND, TODAY, COOPERATIVE, SOCIAL_SERVICES, null));
	}

	@Test
	void a_rejection_is_recorded_as_a_fact() {
		this.fixture.given(enrolled(), CONSENT, REQUESTED)
			.when(new RejectTransfer(PARTICIPANT, FIRST, TODAY, TransferRejectionReason.OUTSIDE_REMIT))
			.expectEvents(new TransferRejected(PARTICIPANT, FIRST, TODAY, COOPERATIVE, EMPLOYMENT_SERVICE,
					TransferRejectionReason.OUTSIDE_REMIT));
	}

	@Test
	void a_transfer_that_was_not_requested_cannot_be_accepted() {
		this.fixture.given(enrolled(), CONSENT, REQUESTED)
			.when(new AcceptTransfer(PARTICIPANT, SECOND, TODAY))
			.expectException(refusedWith(CaseError.UNKNOWN_TRANSFER));
	}

	@Test
	void an_answered_transfer_cannot_be_answered_again() {
		this.fixture
			.given(enrolled(), CONSENT, REQUESTED,
					new TransferAccepted(PARTICIPANT, FIRST, TODAY, COOPERATIVE, EMPLOYMENT_SERVICE))
			.when(new RejectTransfer(PARTICIPANT, FIRST, TODAY, TransferRejectionReason.OTHER))
			.expectException(refusedWith(CaseError.UNKNOWN_TRANSFER));
	}

	@Test
	void a_transfer_cannot_be_answered_before_it_was_requested() {
		this.fixture.given(enrolled(), CONSENT, REQUESTED)
			.when(new AcceptTransfer(PARTICIPANT, FIRST, TODAY.minusDays(6)))
			.expectException(refusedWith(CaseError.DATE_OUT_OF_ORDER));
	}

	@Test
	void a_transfer_after_exit_is_refused() {
		this.fixture.given(enrolled(), CONSENT, exited(TODAY))
			.when(new RequestTransfer(PARTICIPANT, FIRST, TODAY, EMPLOYMENT_SERVICE, null))
			.expectException(refusedWith(CaseError.ALREADY_EXITED));
	}

}
