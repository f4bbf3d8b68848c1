package se.kedja.audit.accesslog;

import org.springframework.http.HttpStatus;

import se.kedja.support.problem.ProblemException;

/** Personal data is read for a stated purpose or not at all. */
class PurposeMissing extends ProblemException {

	static final String CODE = "purpose-missing";

	PurposeMissing() {
		super(HttpStatus.BAD_REQUEST, CODE, Reader.PURPOSE_HEADER, Reader.PURPOSE_PARAMETER);
	}

}
