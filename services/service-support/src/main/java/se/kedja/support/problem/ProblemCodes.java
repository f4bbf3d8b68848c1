package se.kedja.support.problem;

/**
 * The problem codes every service shares. A service's own codes live beside its refusals.
 */
public final class ProblemCodes {

	public static final String VALIDATION_FAILED = "validation-failed";

	public static final String MALFORMED_JSON = "malformed-json";

	public static final String UNKNOWN_FIELD = "unknown-field";

	public static final String INVALID_VALUE = "invalid-value";

	public static final String INVALID_CHARACTER = "invalid-character";

	public static final String MISSING_PARAMETER = "missing-parameter";

	public static final String TYPE_MISMATCH = "type-mismatch";

	public static final String NOT_FOUND = "not-found";

	public static final String METHOD_NOT_ALLOWED = "method-not-allowed";

	public static final String NOT_ACCEPTABLE = "not-acceptable";

	public static final String UNSUPPORTED_MEDIA_TYPE = "unsupported-media-type";

	public static final String PAYLOAD_TOO_LARGE = "payload-too-large";

	public static final String CONFLICT = "conflict";

	public static final String INTERNAL_ERROR = "internal-error";

	public static final String SERVICE_UNAVAILABLE = "service-unavailable";

	private ProblemCodes() {
	}

}
