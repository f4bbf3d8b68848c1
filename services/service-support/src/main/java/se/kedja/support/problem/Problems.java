package se.kedja.support.problem;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * Builds problem details with a stable type URI and a title and detail in the caller's
 * language.
 */
public class Problems {

	public static final String TYPE_PREFIX = "https://kedja.se/problems/";

	private final MessageSource messages;

	public Problems(MessageSource messages) {
		this.messages = messages;
	}

	public ProblemDetail create(HttpStatus status, String code, Locale locale, Object... args) {
		ProblemDetail problem = ProblemDetail.forStatus(status);
		problem.setType(URI.create(TYPE_PREFIX + code));
		problem.setTitle(message("problem." + code + ".title", args, status.getReasonPhrase(), locale));
		String detail = message("problem." + code + ".detail", args, null, locale);
		if (detail != null) {
			problem.setDetail(detail);
		}
		problem.setProperty("code", code);
		return problem;
	}

	public ProblemDetail create(HttpStatus status, String code, List<FieldProblem> errors, Locale locale,
			Object... args) {
		ProblemDetail problem = create(status, code, locale, args);
		if (!errors.isEmpty()) {
			problem.setProperty("errors", errors);
		}
		return problem;
	}

	public FieldProblem field(String field, String code, Locale locale, String fallback, Object... args) {
		return new FieldProblem(field, code, message("field." + code, args, fallback, locale));
	}

	public String message(String key, Object[] args, String fallback, Locale locale) {
		return this.messages.getMessage(key, args, fallback, locale);
	}

}
