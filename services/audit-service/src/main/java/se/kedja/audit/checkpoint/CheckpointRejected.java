package se.kedja.audit.checkpoint;

import org.springframework.http.HttpStatus;

import se.kedja.support.problem.ProblemException;

/** A checkpoint that cannot be trusted, so nothing can be verified against it. */
public class CheckpointRejected extends ProblemException {

	public static final String CODE = "checkpoint-rejected";

	CheckpointRejected(String why) {
		super(HttpStatus.UNPROCESSABLE_CONTENT, CODE, why);
	}

}
