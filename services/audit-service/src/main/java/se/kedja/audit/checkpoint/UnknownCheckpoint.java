package se.kedja.audit.checkpoint;

import java.util.UUID;

import org.springframework.http.HttpStatus;

import se.kedja.support.problem.ProblemException;

class UnknownCheckpoint extends ProblemException {

	static final String CODE = "unknown-checkpoint";

	UnknownCheckpoint(UUID id) {
		super(HttpStatus.NOT_FOUND, CODE, id.toString());
	}

}
