package se.kedja.cases.publishing;

/**
 * The metadata keys every event carries in the store, set when its command was
 * dispatched.
 */
public final class RecordingMetadata {

	public static final String RECORDED_AT = "recordedAt";

	public static final String RECORDED_BY = "recordedBy";

	public static final String COMMAND_ID = "commandId";

	public static final String CORRELATION_ID = "correlationId";

	public static final String IMPORT_ID = "importId";

	/**
	 * The case version the writer saw ({@code If-Match}); checked where the event is
	 * applied.
	 */
	public static final String EXPECTED_VERSION = "expectedVersion";

	private RecordingMetadata() {
	}

}
