package se.kedja.audit.store;

import org.springframework.http.HttpStatus;

import se.kedja.events.ParticipantId;
import se.kedja.support.problem.ProblemException;

/** No event of this case has reached the audit store. */
public class UnknownCase extends ProblemException {

	public static final String CODE = "unknown-case";

	public UnknownCase(ParticipantId participantId) {
		super(HttpStatus.NOT_FOUND, CODE, participantId.toString());
	}

}
