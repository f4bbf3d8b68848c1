package se.kedja.progress.reports;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;

import se.kedja.support.security.KedjaPrincipal;

/**
 * Who is asking: the authenticated user, and the bearer token to forward to case-service
 * so that it decides and logs on the caller's own authority, not this service's.
 */
record Caller(String user, @Nullable String authorization) {

	static Caller of(HttpServletRequest request) {
		return new Caller(KedjaPrincipal.currentIfAny().map(KedjaPrincipal::userId).orElse("anonymous"),
				request.getHeader(HttpHeaders.AUTHORIZATION));
	}

}
