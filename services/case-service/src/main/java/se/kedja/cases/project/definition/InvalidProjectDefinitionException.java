package se.kedja.cases.project.definition;

import java.util.List;

/** A project definition that cannot be loaded, with every problem found. */
public class InvalidProjectDefinitionException extends RuntimeException {

	private final List<DefinitionProblem> problems;

	public InvalidProjectDefinitionException(String source, List<DefinitionProblem> problems) {
		super("Invalid project definition " + source + ":\n  "
				+ String.join("\n  ", problems.stream().map(DefinitionProblem::toString).toList()));
		this.problems = List.copyOf(problems);
	}

	public List<DefinitionProblem> problems() {
		return this.problems;
	}

}
