package se.kedja.events.cases;

/** Why a receiving actor declined a handover. */
public enum TransferRejectionReason {

	NO_CAPACITY, OUTSIDE_REMIT, NOT_IN_TARGET_GROUP, PARTICIPANT_DECLINED, OTHER

}
