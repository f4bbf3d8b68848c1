package se.kedja.identity.config;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpMethod;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A token bucket per client address on the endpoints that take a password or a client
 * secret: the token endpoint, the dev token endpoint and the login form. Over the limit:
 * 429 with {@code Retry-After}.
 */
class RateLimitFilter extends OncePerRequestFilter {

	private static final int MAX_ADDRESSES = 10_000;

	private final int perMinute;

	private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

	RateLimitFilter(int perMinute) {
		this.perMinute = perMinute;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI();
		return !HttpMethod.POST.matches(request.getMethod())
				|| !(path.equals("/oauth2/token") || path.equals("/dev/token") || path.equals("/login"));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (this.buckets.size() > MAX_ADDRESSES) {
			this.buckets.clear();
		}
		Bucket bucket = this.buckets.computeIfAbsent(request.getRemoteAddr(), (address) -> new Bucket(this.perMinute));
		if (!bucket.take()) {
			response.setStatus(429);
			response.setHeader("Retry-After", "60");
			response.setContentType("application/problem+json");
			response.getWriter()
				.write("{\"type\":\"https://kedja.se/problems/too-many-requests\",\"title\":\"Too many requests\","
						+ "\"status\":429,\"code\":\"too-many-requests\"}");
			return;
		}
		chain.doFilter(request, response);
	}

	static final class Bucket {

		private final double capacity;

		private final double refillPerNano;

		private double tokens;

		private long last = System.nanoTime();

		Bucket(int perMinute) {
			this.capacity = perMinute;
			this.tokens = perMinute;
			this.refillPerNano = perMinute / 60e9;
		}

		synchronized boolean take() {
			long now = System.nanoTime();
			this.tokens = Math.min(this.capacity, this.tokens + (now - this.last) * this.refillPerNano);
			this.last = now;
			if (this.tokens < 1) {
				return false;
			}
			this.tokens -= 1;
			return true;
		}

	}

}
