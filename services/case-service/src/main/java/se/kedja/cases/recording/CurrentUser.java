package se.kedja.cases.recording;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Who is recording: until authentication arrives, the {@code X-Kedja-User} header, else
 * "anonymous"; "system" outside a request. The one place security will replace.
 */
@Component
public class CurrentUser {

	public static final String HEADER = "X-Kedja-User";

	public String key() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpServletRequest request = attributes.getRequest();
			String user = request.getHeader(HEADER);
			return (user != null && !user.isBlank()) ? user.strip() : "anonymous";
		}
		return "system";
	}

}
