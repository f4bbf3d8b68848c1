package se.kedja.support.problem;

import org.springframework.http.HttpStatus;

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

	public static final String BAD_REQUEST = "bad-request";

	/** Refused by the server or its firewall before any handler saw it. */
	public static final String REJECTED_REQUEST = "rejected-request";

	public static final String INTERNAL_ERROR = "internal-error";

	public static final String SERVICE_UNAVAILABLE = "service-unavailable";

	private ProblemCodes() {
	}

	/** The shared code for a status that has no more specific one. */
	public static String forStatus(HttpStatus status) {
		return switch (status) {
			case NOT_FOUND -> NOT_FOUND;
			case METHOD_NOT_ALLOWED -> METHOD_NOT_ALLOWED;
			case CONFLICT -> CONFLICT;
			case UNSUPPORTED_MEDIA_TYPE -> UNSUPPORTED_MEDIA_TYPE;
			case NOT_ACCEPTABLE -> NOT_ACCEPTABLE;
			case CONTENT_TOO_LARGE -> PAYLOAD_TOO_LARGE;
			default -> (status.is4xxClientError()) ? BAD_REQUEST : INTERNAL_ERROR;
		};
	}

}
