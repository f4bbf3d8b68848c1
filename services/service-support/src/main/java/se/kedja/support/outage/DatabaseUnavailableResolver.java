package se.kedja.support.outage;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

import se.kedja.support.problem.ProblemCodes;
import se.kedja.support.problem.Problems;

/**
 * Answers a request that failed because the database is unavailable with a 503 problem
 * and {@code Retry-After}, whatever wrapped the failure on its way up. It runs before
 * every {@code @ExceptionHandler}, so a service's own handler for a wrapper (Axon's
 * exceptions in case-service) cannot turn an outage into a 500.
 */
public class DatabaseUnavailableResolver implements HandlerExceptionResolver, Ordered {

	static final String RETRY_AFTER_SECONDS = "5";

	private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableResolver.class);

	private final Problems problems;

	private final JsonMapper json;

	public DatabaseUnavailableResolver(Problems problems, JsonMapper json) {
		this.problems = problems;
		this.json = json;
	}

	/** After Boot's error attributes, which only note the failure. */
	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 1;
	}

	@Override
	public @Nullable ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response,
			@Nullable Object handler, Exception failure) {
		if (response.isCommitted() || !DatabaseFailures.unavailable(failure)) {
			return null;
		}
		log.warn("Database unavailable, answered {} {} with 503: {}", request.getMethod(), request.getRequestURI(),
				innermost(failure));
		ProblemDetail problem = this.problems.create(HttpStatus.SERVICE_UNAVAILABLE, ProblemCodes.SERVICE_UNAVAILABLE,
				LocaleContextHolder.getLocale());
		try {
			response.resetBuffer();
			response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
			response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			this.json.writeValue(response.getOutputStream(), problem);
		}
		catch (IOException | RuntimeException ex) {
			log.debug("Could not write the 503 problem", ex);
		}
		return new ModelAndView();
	}

	private static String innermost(Throwable failure) {
		Throwable cause = failure;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return cause.getClass().getSimpleName() + ": " + cause.getMessage();
	}

}
