package se.kedja.web.standin;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseCookie;
import org.springframework.web.servlet.HandlerInterceptor;

import se.kedja.web.clients.Caller;
import se.kedja.web.clients.Role;

/**
 * PRE-SECURITY STAND-IN. Who the user is, from two cookies set by the chooser page;
 * anyone can be anyone. Replaced by OIDC login (Spring Security) together with this whole
 * package.
 */
public class StandInSignIn implements HandlerInterceptor {

	static final String USER_COOKIE = "kedja-user";

	static final String ROLE_COOKIE = "kedja-role";

	static final Pattern USER = Pattern.compile("[A-Za-z0-9._@-]{1,64}");

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
			throws IOException {
		Optional<Caller> caller = read(request);
		if (caller.isPresent()) {
			request.setAttribute(Caller.ATTRIBUTE, caller.get());
			return true;
		}
		String back = request.getRequestURI()
				+ ((request.getQueryString() != null) ? "?" + request.getQueryString() : "");
		response.sendRedirect("/who?next=" + URLEncoder.encode(back, StandardCharsets.UTF_8));
		return false;
	}

	static Optional<Caller> read(HttpServletRequest request) {
		String user = cookie(request, USER_COOKIE);
		String role = cookie(request, ROLE_COOKIE);
		if (user == null || role == null || !USER.matcher(user).matches()) {
			return Optional.empty();
		}
		return Arrays.stream(Role.values())
			.filter((r) -> r.name().equals(role.toUpperCase(Locale.ROOT)))
			.findFirst()
			.map((r) -> new Caller(user, r));
	}

	static void write(HttpServletResponse response, Caller caller) {
		for (ResponseCookie cookie : new ResponseCookie[] { cookie(USER_COOKIE, caller.user()),
				cookie(ROLE_COOKIE, caller.role().name()) }) {
			response.addHeader("Set-Cookie", cookie.toString());
		}
	}

	private static ResponseCookie cookie(String name, String value) {
		return ResponseCookie.from(name, value)
			.path("/")
			.httpOnly(true)
			.sameSite("Lax")
			.maxAge(Duration.ofDays(30))
			.build();
	}

	private static @Nullable String cookie(HttpServletRequest request, String name) {
		if (request.getCookies() == null) {
			return null;
		}
		return Arrays.stream(request.getCookies())
			.filter((c) -> c.getName().equals(name))
			.map(Cookie::getValue)
			.findFirst()
			.orElse(null);
	}

}
