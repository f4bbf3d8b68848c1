package se.kedja.web.clients;

import java.util.List;
import java.util.Optional;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The signed-in person behind the current request, with their roles and the access token
 * the services are called with; resolved once per request and kept as a request
 * attribute, so that calls made for the request (also from a relay thread) carry it.
 */
public record Caller(String user, List<Role> roles, String accessToken) {

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

	/** For the templates: {@code caller.has('COACH')}. */
	public boolean has(String role) {
		return this.roles.stream().anyMatch((r) -> r.name().equals(role));
	}

	/** The first role's own page; a person without a Kedja role has none. */
	public String startPage() {
		return this.roles.isEmpty() ? "/no-role" : this.roles.get(0).startPage();
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

	@Override
	public String toString() {
		return "Caller[" + this.user + ", " + this.roles + "]";
	}

}
