package se.kedja.support.problem;

import java.util.List;

import org.springframework.http.HttpStatus;

/**
 * A refusal that a service wants to show as a problem: the {@code code} names the problem
 * type ({@code https://kedja.se/problems/<code>}) and the message keys
 * {@code problem.<code>.title} and {@code problem.<code>.detail}, whose placeholders are
 * filled with {@code args}.
 */
public class ProblemException extends RuntimeException {

	private final HttpStatus status;

	private final String code;

	private final List<Object> args;

	private final List<FieldProblem> errors;

	public ProblemException(HttpStatus status, String code, Object... args) {
		this(status, code, List.of(), args);
	}

	public ProblemException(HttpStatus status, String code, List<FieldProblem> errors, Object... args) {
		super(code);
		this.status = status;
		this.code = code;
		this.args = List.of(args);
		this.errors = List.copyOf(errors);
	}

	public HttpStatus status() {
		return this.status;
	}

	public String code() {
		return this.code;
	}

	public Object[] args() {
		return this.args.toArray();
	}

	public List<FieldProblem> errors() {
		return this.errors;
	}

}
