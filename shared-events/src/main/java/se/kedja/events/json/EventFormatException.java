package se.kedja.events.json;

/**
 * Bytes that are not an event Kedja knows how to read, or an event that cannot be
 * written.
 */
public class EventFormatException extends RuntimeException {

	public EventFormatException(String message) {
		super(message);
	}

	public EventFormatException(String message, Throwable cause) {
		super(message, cause);
	}

}
