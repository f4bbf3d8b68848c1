package se.kedja.cases.participant.web;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

import se.kedja.support.security.KedjaPrincipal;
import se.kedja.support.security.Role;
import se.kedja.support.security.Scopes;

/**
 * A case's personal data leaves the service only for the coach whose caseload it is in;
 * everyone else sees the pseudonymous case. A coach enrols only at a site they are
 * assigned to.
 */
@ControllerAdvice(assignableTypes = ParticipantController.class)
class PersonalDataMinimisation extends RequestBodyAdviceAdapter implements ResponseBodyAdvice<Object> {

	@Override
	public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
		return true;
	}

	@Override
	public @Nullable Object beforeBodyWrite(@Nullable Object body, MethodParameter returnType,
			MediaType selectedContentType, Class<? extends HttpMessageConverter<?>> selectedConverterType,
			ServerHttpRequest request, ServerHttpResponse response) {
		if (body instanceof CaseQueries.CaseView view) {
			return minimise(view);
		}
		if (body instanceof CaseQueries.Page page) {
			return new CaseQueries.Page(page.items().stream().map(PersonalDataMinimisation::minimise).toList(),
					page.page(), page.size(), page.total());
		}
		return body;
	}

	static CaseQueries.CaseView minimise(CaseQueries.CaseView view) {
		if (view.person() == null || ownCaseload(view)) {
			return view;
		}
		return new CaseQueries.CaseView(view.participantId(), view.projectId(), view.siteId(), view.coachId(),
				view.responsibleActor(), view.status(), view.enrolledOn(), view.planAgreedOn(), view.lastFollowUpOn(),
				view.exitedOn(), view.personalDataErased(), view.version(), null);
	}

	private static boolean ownCaseload(CaseQueries.CaseView view) {
		return KedjaPrincipal.currentIfAny()
			.filter((principal) -> principal.may(view.projectId(), view.siteId(), Role.COACH))
			.filter((principal) -> principal.userId().equals(view.coachId()))
			.isPresent();
	}

	@Override
	public boolean supports(MethodParameter parameter, java.lang.reflect.Type targetType,
			Class<? extends HttpMessageConverter<?>> converterType) {
		return CaseRequests.Enrol.class.equals(parameter.getParameterType());
	}

	@Override
	public Object afterBodyRead(Object body, HttpInputMessage inputMessage, MethodParameter parameter,
			java.lang.reflect.Type targetType, Class<? extends HttpMessageConverter<?>> converterType) {
		if (body instanceof CaseRequests.Enrol enrol && !KedjaPrincipal.current()
			.may(projectId(), (enrol.siteId() != null) ? enrol.siteId() : "", Role.COACH)) {
			throw Scopes.forbidden();
		}
		return body;
	}

	@SuppressWarnings("unchecked")
	private static String projectId() {
		RequestAttributes attributes = RequestContextHolder.currentRequestAttributes();
		Object variables = attributes.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE,
				RequestAttributes.SCOPE_REQUEST);
		return (variables instanceof Map<?, ?> map && map.get("projectId") instanceof String id) ? id : "";
	}

}
