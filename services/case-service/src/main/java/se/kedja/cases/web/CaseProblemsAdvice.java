package se.kedja.cases.web;

import java.util.List;
import java.util.Locale;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import se.kedja.cases.participant.CaseRuleViolation;
import se.kedja.cases.personaldata.DuplicateEnrolmentException;
import se.kedja.cases.project.ProjectRuleViolation;
import se.kedja.cases.project.definition.InvalidProjectDefinitionException;
import se.kedja.support.problem.FieldProblem;
import se.kedja.support.problem.ProblemException;
import se.kedja.support.problem.Problems;

/**
 * The case refusals as problems: a broken rule of a case is 422 with the rule's code as
 * its type; an unknown case 404; a concurrent write or a duplicate enrolment 409.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class CaseProblemsAdvice {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(CaseProblemsAdvice.class);

	private final Problems problems;

	CaseProblemsAdvice(Problems problems) {
		this.problems = problems;
	}

	@ExceptionHandler(CaseRuleViolation.class)
	ResponseEntity<ProblemDetail> caseRule(CaseRuleViolation ex) {
		return respond(ruleProblem(ex.error().name(), ex.getMessage()));
	}

	@ExceptionHandler(ProjectRuleViolation.class)
	ResponseEntity<ProblemDetail> projectRule(ProjectRuleViolation ex) {
		return respond(ruleProblem(ex.error().name(), ex.getMessage()));
	}

	@ExceptionHandler(InvalidProjectDefinitionException.class)
	ResponseEntity<ProblemDetail> invalidDefinition(InvalidProjectDefinitionException ex) {
		List<FieldProblem> errors = ex.problems()
			.stream()
			.map((p) -> new FieldProblem(p.path(), "invalid-definition", p.toString()))
			.toList();
		return respond(
				this.problems.create(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-project-definition", errors, locale()));
	}

	@ExceptionHandler(DuplicateEnrolmentException.class)
	ResponseEntity<ProblemDetail> duplicate(DuplicateEnrolmentException ex) {
		return respond(this.problems.create(HttpStatus.CONFLICT, "duplicate-enrolment", locale()));
	}

	@ExceptionHandler({ ConcurrencyException.class, CannotAcquireLockException.class, DuplicateKeyException.class })
	ResponseEntity<ProblemDetail> concurrent(Exception ex) {
		return respond(this.problems.create(HttpStatus.CONFLICT, "concurrent-modification", locale()));
	}

	/** A refusal raised while the command's events were applied reaches us wrapped. */
	@ExceptionHandler(org.axonframework.common.AxonException.class)
	ResponseEntity<ProblemDetail> wrapped(org.axonframework.common.AxonException ex) {
		for (Throwable cause = ex.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
			if (cause instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState())) {
				return concurrent(ex);
			}
			if (cause instanceof ProblemException problem) {
				return respond(this.problems.create(problem.status(), problem.code(), problem.errors(), locale(),
						problem.args()));
			}
			if (cause instanceof CaseRuleViolation violation) {
				return caseRule(violation);
			}
		}
		if (ex instanceof ConcurrencyException) {
			return concurrent(ex);
		}
		if (ex instanceof AggregateNotFoundException notFound) {
			return notFound(notFound);
		}
		log.error("Unhandled failure of a command", ex);
		return respond(this.problems.create(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", locale()));
	}

	@ExceptionHandler(AggregateNotFoundException.class)
	ResponseEntity<ProblemDetail> notFound(AggregateNotFoundException ex) {
		return respond(this.problems.create(HttpStatus.NOT_FOUND, "unknown-participant", locale(), ""));
	}

	private ProblemDetail ruleProblem(String error, String fallbackDetail) {
		String code = error.toLowerCase(Locale.ROOT).replace('_', '-');
		ProblemDetail problem = this.problems.create(HttpStatus.UNPROCESSABLE_CONTENT, code, locale());
		String detail = this.problems.message(error, null, null, locale());
		problem.setDetail((detail != null) ? detail : fallbackDetail);
		if (HttpStatus.UNPROCESSABLE_CONTENT.getReasonPhrase().equals(problem.getTitle())) {
			problem.setTitle(problem.getDetail());
		}
		return problem;
	}

	private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
		return ResponseEntity.status(problem.getStatus()).body(problem);
	}

	private static Locale locale() {
		return LocaleContextHolder.getLocale();
	}

}
