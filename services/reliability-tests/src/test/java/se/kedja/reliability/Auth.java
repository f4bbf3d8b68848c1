package se.kedja.reliability;

import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Who the suite is to the services. Until every service checks bearer tokens, the
 * stand-in headers name the caller; when test-support offers {@code TestTokens}, the
 * services are pointed at its issuer and every request also carries an unrestricted
 * token. Looked up reflectively so the suite builds on either side of that change.
 */
final class Auth {

	static final String USER = "reliability-suite";

	private static final Optional<Object> TOKENS = tokens();

	private static volatile String token;

	private static volatile long tokenMintedAt;

	private Auth() {
	}

	/** Environment for a service JVM: the token issuer, when there is one. */
	static Map<String, String> serviceEnvironment() {
		return TOKENS
			.map((tokens) -> Map.of("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI",
					(String) call(tokens, "issuer")))
			.orElse(Map.of());
	}

	static Map<String, String> headers() {
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("X-Kedja-User", USER);
		headers.put("X-Kedja-Role", "admin");
		headers.put("X-Kedja-Purpose", "reliability suite: checking that nothing is lost");
		TOKENS.ifPresent((tokens) -> headers.put("Authorization", "Bearer " + token(tokens)));
		return headers;
	}

	// A token lives ten minutes; signing one per request would cost more than the
	// request.
	private static String token(Object tokens) {
		long now = System.nanoTime();
		if (token == null || now - tokenMintedAt > 240_000_000_000L) {
			token = (String) call(tokens, "unrestricted", USER);
			tokenMintedAt = now;
		}
		return token;
	}

	private static Optional<Object> tokens() {
		try {
			Class<?> type = Class.forName("se.kedja.testsupport.TestTokens");
			return Optional.of(type.getMethod("get").invoke(null));
		}
		catch (ClassNotFoundException ex) {
			return Optional.empty();
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("TestTokens is there but could not start", ex);
		}
	}

	private static Object call(Object target, String name, Object... args) {
		try {
			Class<?>[] types = new Class<?>[args.length];
			for (int i = 0; i < args.length; i++) {
				types[i] = args[i].getClass();
			}
			Method method = target.getClass().getMethod(name, types);
			return method.invoke(target, args);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("TestTokens." + name + " failed", ex);
		}
	}

}
