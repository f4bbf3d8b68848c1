package se.kedja.progress.alerts;

/**
 * How long a transfer may wait for an answer, and a case for a follow-up, before it
 * alerts.
 */
record AlertThresholds(int transferDays, int followUpDays) {

	static final int DEFAULT_TRANSFER_DAYS = 14;

	static final int DEFAULT_FOLLOW_UP_DAYS = 30;

}
