package se.kedja.cases.personaldata;

import se.kedja.events.ProjectId;

/** The person already has an open case in this project. */
public class DuplicateEnrolmentException extends RuntimeException {

	public DuplicateEnrolmentException(ProjectId project) {
		super("An open case already exists in project " + project.value());
	}

}
