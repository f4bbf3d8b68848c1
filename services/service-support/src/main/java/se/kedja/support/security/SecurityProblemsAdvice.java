package se.kedja.support.security;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import se.kedja.support.problem.Problems;

/**
 * Security refusals raised inside a controller, as the same problems the filter chain
 * writes.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class SecurityProblemsAdvice {

	private final Problems problems;

	SecurityProblemsAdvice(Problems problems) {
		this.problems = problems;
	}

	@ExceptionHandler(AccessDeniedException.class)
	ResponseEntity<ProblemDetail> denied(AccessDeniedException ex) {
		return ResponseEntity.status(HttpStatus.FORBIDDEN)
			.body(this.problems.create(HttpStatus.FORBIDDEN, Scopes.FORBIDDEN, LocaleContextHolder.getLocale()));
	}

	@ExceptionHandler(AuthenticationException.class)
	ResponseEntity<ProblemDetail> unauthenticated(AuthenticationException ex) {
		return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
			.body(this.problems.create(HttpStatus.UNAUTHORIZED, Scopes.UNAUTHENTICATED,
					LocaleContextHolder.getLocale()));
	}

}
