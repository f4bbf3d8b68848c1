package se.kedja.cases.project.definition;

/**
 * One thing wrong with a project definition, where it is (line and column from 1; 0 when
 * unknown) and the JSON pointer of the value.
 */
public record DefinitionProblem(int line, int column, String path, String message) {

	@Override
	public String toString() {
		return (this.line > 0)
				? "line " + this.line + ", column " + this.column + " (" + this.path + "): " + this.message
				: this.path + ": " + this.message;
	}

}
