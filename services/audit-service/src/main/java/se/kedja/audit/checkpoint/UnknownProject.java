package se.kedja.audit.checkpoint;

import org.springframework.http.HttpStatus;

import se.kedja.events.ProjectId;
import se.kedja.support.problem.ProblemException;

/** No case of this project has reached the audit store. */
public class UnknownProject extends ProblemException {

	public static final String CODE = "unknown-project";

	public UnknownProject(ProjectId project) {
		super(HttpStatus.NOT_FOUND, CODE, project.value());
	}

}
