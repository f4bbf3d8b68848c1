package se.kedja.launcher;

/** A failure the user can act on: its message is printed as the launcher's last line. */
public class LaunchException extends RuntimeException {

	public LaunchException(String message) {
		super(message);
	}

}
