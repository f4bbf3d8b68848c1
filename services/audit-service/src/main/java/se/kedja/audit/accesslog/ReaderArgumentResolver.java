package se.kedja.audit.accesslog;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Lets a controller ask for a {@link Reader}; a request without a purpose never reaches
 * it.
 */
public class ReaderArgumentResolver implements HandlerMethodArgumentResolver {

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return Reader.class.equals(parameter.getParameterType());
	}

	@Override
	public Reader resolveArgument(MethodParameter parameter, ModelAndViewContainer container, NativeWebRequest request,
			WebDataBinderFactory binderFactory) {
		return Reader.of(request.getNativeRequest(HttpServletRequest.class));
	}

}
