package se.kedja.progress.projects;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import se.kedja.progress.goals.Goal;
import se.kedja.progress.goals.GoalDefinitionException;
import se.kedja.progress.goals.GoalParser;
import se.kedja.progress.goals.GoalSpec;
import se.kedja.support.problem.FieldProblem;
import se.kedja.support.problem.ProblemException;

/**
 * Checks goals before they go into a project definition; a refusal names the field path.
 */
@RestController
class GoalValidationController {

	@PostMapping("/api/goals/validate")
	@Operation(summary = "Validate goal definitions in the goal language; 400 names the faulty field")
	Validated validate(@RequestBody GoalList body) {
		try {
			List<Goal> goals = GoalParser.parse(body.goals(), "goals");
			return new Validated(goals.stream().map((goal) -> goal.id() + " (" + goal.kind() + ")").toList());
		}
		catch (GoalDefinitionException ex) {
			throw new ProblemException(HttpStatus.BAD_REQUEST, "invalid-goal",
					List.of(new FieldProblem(ex.path(), "invalid-goal", ex.getMessage())), ex.getMessage());
		}
	}

	/** Goals as a project definition carries them. */
	record GoalList(List<GoalSpec> goals) {

	}

	/** The goals read, after expanding indicator sets. */
	record Validated(List<String> goals) {

	}

}
