package se.kedja.support.problem;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.validation.ConstraintViolationException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.BindException;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingPathVariableException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.web.util.DisconnectedClientHelper;

/**
 * Turns every failure of a request into an RFC 9457 problem with a stable type; never a
 * stack trace, a class name or SQL.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class ProblemDetailsAdvice {

	private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

	/** character_not_in_repertoire, untranslatable_character. */
	private static final Set<String> UNSTORABLE_TEXT_STATES = Set.of("22021", "22P05");

	private final Problems problems;

	public ProblemDetailsAdvice(Problems problems) {
		this.problems = problems;
	}

	@ExceptionHandler(ProblemException.class)
	ResponseEntity<ProblemDetail> refused(ProblemException ex) {
		return respond(this.problems.create(ex.status(), ex.code(), ex.errors(), locale(), ex.args()));
	}

	@ExceptionHandler(BindException.class)
	ResponseEntity<ProblemDetail> invalid(BindException ex) {
		List<FieldProblem> errors = new ArrayList<>();
		for (FieldError error : ex.getFieldErrors()) {
			errors.add(fieldProblem(error.getField(), error));
		}
		for (ObjectError error : ex.getGlobalErrors()) {
			errors.add(fieldProblem(error.getObjectName(), error));
		}
		return validationFailed(errors);
	}

	@ExceptionHandler(HandlerMethodValidationException.class)
	ResponseEntity<ProblemDetail> invalid(HandlerMethodValidationException ex) {
		List<FieldProblem> errors = new ArrayList<>();
		ex.getParameterValidationResults().forEach((result) -> {
			String name = result.getMethodParameter().getParameterName();
			result.getResolvableErrors().forEach((error) -> errors.add(fieldProblem(name, error)));
		});
		return validationFailed(errors);
	}

	@ExceptionHandler(ConstraintViolationException.class)
	ResponseEntity<ProblemDetail> invalid(ConstraintViolationException ex) {
		List<FieldProblem> errors = ex.getConstraintViolations()
			.stream()
			.map((violation) -> this.problems.field(violation.getPropertyPath().toString(),
					constraintCode(
							violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName()),
					locale(), violation.getMessage()))
			.toList();
		return validationFailed(errors);
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException ex) {
		Throwable cause = ex.getCause();
		while (cause != null) {
			if (cause instanceof PayloadTooLargeException) {
				return tooLarge();
			}
			if (cause instanceof UnrecognizedPropertyException unknown) {
				String field = path(unknown);
				return respond(this.problems.create(HttpStatus.BAD_REQUEST, ProblemCodes.UNKNOWN_FIELD,
						List.of(this.problems.field(field, ProblemCodes.UNKNOWN_FIELD, locale(), "unknown field")),
						locale(), field));
			}
			if (cause instanceof StreamReadException) {
				return malformed(cause);
			}
			if (cause instanceof DatabindException invalid) {
				String field = path(invalid);
				return respond(this.problems.create(HttpStatus.BAD_REQUEST, ProblemCodes.INVALID_VALUE,
						List.of(this.problems.field(field, ProblemCodes.INVALID_VALUE, locale(), "invalid value")),
						locale(), field));
			}
			if (cause instanceof JacksonException) {
				return malformed(cause);
			}
			cause = (cause.getCause() != cause) ? cause.getCause() : null;
		}
		return malformed(ex);
	}

	@ExceptionHandler({ MissingServletRequestParameterException.class, MissingRequestHeaderException.class,
			MissingPathVariableException.class })
	ResponseEntity<ProblemDetail> missing(Exception ex) {
		String name = switch (ex) {
			case MissingServletRequestParameterException param -> param.getParameterName();
			case MissingRequestHeaderException header -> header.getHeaderName();
			case MissingPathVariableException path -> path.getVariableName();
			default -> "";
		};
		return respond(this.problems.create(HttpStatus.BAD_REQUEST, ProblemCodes.MISSING_PARAMETER, locale(), name));
	}

	@ExceptionHandler(ServletRequestBindingException.class)
	ResponseEntity<ProblemDetail> unbound(ServletRequestBindingException ex) {
		return respond(this.problems.create(HttpStatus.BAD_REQUEST, ProblemCodes.MISSING_PARAMETER, locale(), ""));
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<ProblemDetail> mismatch(MethodArgumentTypeMismatchException ex) {
		return respond(this.problems.create(HttpStatus.BAD_REQUEST, ProblemCodes.TYPE_MISMATCH,
				List.of(this.problems.field(ex.getName(), ProblemCodes.TYPE_MISMATCH, locale(), "wrong type")),
				locale(), ex.getName()));
	}

	@ExceptionHandler({ NoResourceFoundException.class, NoHandlerFoundException.class })
	ResponseEntity<ProblemDetail> notFound(Exception ex) {
		return respond(this.problems.create(HttpStatus.NOT_FOUND, ProblemCodes.NOT_FOUND, locale()));
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	ResponseEntity<ProblemDetail> methodNotAllowed(HttpRequestMethodNotSupportedException ex) {
		ProblemDetail problem = this.problems.create(HttpStatus.METHOD_NOT_ALLOWED, ProblemCodes.METHOD_NOT_ALLOWED,
				locale(), ex.getMethod());
		HttpHeaders headers = new HttpHeaders();
		if (ex.getSupportedHttpMethods() != null) {
			headers.setAllow(ex.getSupportedHttpMethods());
		}
		return ResponseEntity.status(problem.getStatus()).headers(headers).body(problem);
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ResponseEntity<ProblemDetail> unsupportedMediaType(HttpMediaTypeNotSupportedException ex) {
		return respond(this.problems.create(HttpStatus.UNSUPPORTED_MEDIA_TYPE, ProblemCodes.UNSUPPORTED_MEDIA_TYPE,
				locale(), String.valueOf(ex.getContentType())));
	}

	@ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
	ResponseEntity<ProblemDetail> notAcceptable(HttpMediaTypeNotAcceptableException ex) {
		return respond(this.problems.create(HttpStatus.NOT_ACCEPTABLE, ProblemCodes.NOT_ACCEPTABLE, locale()));
	}

	@ExceptionHandler({ MaxUploadSizeExceededException.class, PayloadTooLargeException.class })
	ResponseEntity<ProblemDetail> payloadTooLarge(Exception ex) {
		return tooLarge();
	}

	private ResponseEntity<ProblemDetail> errorResponse(Exception ex, ErrorResponse response) {
		HttpStatusCode code = response.getStatusCode();
		HttpStatus status = HttpStatus.resolve(code.value());
		if (status == null) {
			status = HttpStatus.BAD_REQUEST;
		}
		return respond(this.problems.create(status, ProblemCodes.forStatus(status), locale()));
	}

	@ExceptionHandler(Exception.class)
	@Nullable ResponseEntity<ProblemDetail> unexpected(Exception ex) {
		if (unwrap(ex) instanceof PayloadTooLargeException) {
			return tooLarge();
		}
		if (DisconnectedClientHelper.isClientDisconnectedException(ex)) {
			// a reader (an SSE stream, a dashboard) went away: nobody to answer, nothing
			// wrong
			log.debug("Client disconnected", ex);
			return null;
		}
		if (unstorableText(ex)) {
			return respond(this.problems.create(HttpStatus.BAD_REQUEST, ProblemCodes.INVALID_CHARACTER, locale()));
		}
		if (ex instanceof ErrorResponse response && !response.getStatusCode().is5xxServerError()) {
			return errorResponse(ex, response);
		}
		log.error("Unhandled failure of a request", ex);
		return respond(this.problems.create(HttpStatus.INTERNAL_SERVER_ERROR, ProblemCodes.INTERNAL_ERROR, locale()));
	}

	private ResponseEntity<ProblemDetail> tooLarge() {
		return respond(this.problems.create(HttpStatus.CONTENT_TOO_LARGE, ProblemCodes.PAYLOAD_TOO_LARGE, locale()));
	}

	private ResponseEntity<ProblemDetail> malformed(Throwable cause) {
		log.debug("Unreadable request body", cause);
		return respond(this.problems.create(HttpStatus.BAD_REQUEST, ProblemCodes.MALFORMED_JSON, locale()));
	}

	private ResponseEntity<ProblemDetail> validationFailed(List<FieldProblem> errors) {
		return respond(this.problems.create(HttpStatus.BAD_REQUEST, ProblemCodes.VALIDATION_FAILED, errors, locale()));
	}

	private FieldProblem fieldProblem(String field, org.springframework.context.MessageSourceResolvable error) {
		String constraint = (error.getCodes() != null && error.getCodes().length > 0)
				? error.getCodes()[error.getCodes().length - 1] : "invalid";
		return this.problems.field(field, constraintCode(constraint), locale(), error.getDefaultMessage());
	}

	/**
	 * PostgreSQL refused a text value for a character no text may hold (a NUL byte) —
	 * which only the request can have brought.
	 */
	private static boolean unstorableText(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			if (cause instanceof SQLException sql
					&& UNSTORABLE_TEXT_STATES.contains(String.valueOf(sql.getSQLState()))) {
				return true;
			}
		}
		return false;
	}

	private static Throwable unwrap(Throwable ex) {
		Throwable current = ex;
		while (current.getCause() != null && current.getCause() != current
				&& !(current instanceof PayloadTooLargeException)) {
			current = current.getCause();
		}
		return current;
	}

	static String constraintCode(String constraint) {
		return constraint.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
	}

	static String path(JacksonException ex) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				if (!path.isEmpty()) {
					path.append('.');
				}
				path.append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.toString();
	}

	private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
		return ResponseEntity.status(problem.getStatus()).body(problem);
	}

	private static Locale locale() {
		return LocaleContextHolder.getLocale();
	}

}
