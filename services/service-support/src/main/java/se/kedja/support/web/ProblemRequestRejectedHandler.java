package se.kedja.support.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

import se.kedja.support.problem.ProblemCodes;
import se.kedja.support.problem.Problems;

/**
 * A request Spring Security's firewall refuses (an encoded line break, a semicolon or a
 * double slash in the path) is a 400 problem. The reason stays out of the body and the
 * log: it quotes the request's own text.
 */
public class ProblemRequestRejectedHandler implements RequestRejectedHandler {

	private final Problems problems;

	private final JsonMapper json;

	public ProblemRequestRejectedHandler(Problems problems, JsonMapper json) {
		this.problems = problems;
		this.json = json;
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response,
			RequestRejectedException requestRejectedException) throws IOException {
		if (response.isCommitted()) {
			return;
		}
		ProblemDetail problem = this.problems.create(HttpStatus.BAD_REQUEST, ProblemCodes.REJECTED_REQUEST,
				request.getLocale());
		response.resetBuffer();
		response.setStatus(HttpStatus.BAD_REQUEST.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		this.json.writeValue(response.getOutputStream(), problem);
	}

}
