package se.kedja.cases.recording;

import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;

import se.kedja.support.security.KedjaPrincipal;

/**
 * Who is recording: the authenticated caller's user id; "system" outside a request (the
 * project folder loader, deadlines).
 */
@Component
public class CurrentUser {

	public String key() {
		return KedjaPrincipal.currentIfAny()
			.map(KedjaPrincipal::userId)
			.orElseGet(() -> (RequestContextHolder.getRequestAttributes() != null) ? "anonymous" : "system");
	}

}
