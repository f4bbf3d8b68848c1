package se.kedja.web.clients;

import java.util.Optional;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The person behind the current request, resolved once per request and kept as a request
 * attribute, so that calls made for the request (also from a relay thread) carry it.
 */
public record Caller(String user, Role role) {

	public static final String ATTRIBUTE = Caller.class.getName();

	public static Optional<Caller> current() {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		return (attributes != null)
				? Optional.ofNullable((Caller) attributes.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST))
				: Optional.empty();
	}

}
