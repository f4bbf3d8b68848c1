package se.kedja.cases.participant.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

import se.kedja.support.problem.ProblemCodes;

class WriteArgumentResolver implements HandlerMethodArgumentResolver {

	private final CaseWrites writes;

	private final IdempotentRequests idempotent;

	WriteArgumentResolver(CaseWrites writes, IdempotentRequests idempotent) {
		this.writes = writes;
		this.idempotent = idempotent;
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.getParameterType() == ParticipantController.Write.class;
	}

	@Override
	public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
			NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
		HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
		String expected = request.getParameter("expectedVersion");
		Long expectedVersion = null;
		if (expected != null) {
			try {
				expectedVersion = Long.parseLong(expected);
			}
			catch (NumberFormatException ex) {
				throw Enrolments.invalid("expectedVersion", ProblemCodes.TYPE_MISMATCH, "must be a whole number");
			}
		}
		return new ParticipantController.Write(this.writes, this.idempotent, request,
				request.getHeader(HttpHeaders.IF_MATCH), expectedVersion, request.getHeader("Idempotency-Key"));
	}

}
