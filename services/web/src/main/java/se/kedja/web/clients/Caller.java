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

	private static final ThreadLocal<Caller> BACKGROUND = new ThreadLocal<>();

	public static Optional<Caller> current() {
		if (BACKGROUND.get() != null) {
			return Optional.of(BACKGROUND.get());
		}
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		return (attributes != null)
				? Optional.ofNullable((Caller) attributes.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST))
				: Optional.empty();
	}

	/**
	 * Runs work for this caller on another thread, e.g. a relay that outlives the
	 * request.
	 */
	public void runAs(Runnable work) {
		BACKGROUND.set(this);
		try {
			work.run();
		}
		finally {
			BACKGROUND.remove();
		}
	}

}
