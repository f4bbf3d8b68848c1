package se.kedja.support.web;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

import se.kedja.support.problem.PayloadTooLargeException;
import se.kedja.support.problem.ProblemCodes;
import se.kedja.support.problem.Problems;

/**
 * Refuses request bodies larger than the limit: at once when {@code Content-Length} says
 * so, otherwise when the body grows past it while being read. A path may have its own
 * limit (an upload endpoint), matched as an Ant-style pattern.
 */
public class RequestSizeLimitFilter extends OncePerRequestFilter {

	private final long maxBytes;

	private final Problems problems;

	private final JsonMapper json;

	private final Map<String, Long> pathLimits;

	private final AntPathMatcher paths = new AntPathMatcher();

	public RequestSizeLimitFilter(long maxBytes, Problems problems, JsonMapper json) {
		this(maxBytes, Map.of(), problems, json);
	}

	public RequestSizeLimitFilter(long maxBytes, Map<String, Long> pathLimits, Problems problems, JsonMapper json) {
		this.maxBytes = maxBytes;
		this.pathLimits = Map.copyOf(pathLimits);
		this.problems = problems;
		this.json = json;
	}

	private long limit(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		for (Map.Entry<String, Long> limit : this.pathLimits.entrySet()) {
			if (this.paths.match(limit.getKey(), path)) {
				return limit.getValue();
			}
		}
		return this.maxBytes;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long maxBytes = limit(request);
		if (request.getContentLengthLong() > maxBytes) {
			ProblemDetail problem = this.problems.create(HttpStatus.CONTENT_TOO_LARGE, ProblemCodes.PAYLOAD_TOO_LARGE,
					request.getLocale());
			problem.setInstance(java.net.URI.create(request.getRequestURI()));
			response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.setHeader("Connection", "close");
			this.json.writeValue(response.getOutputStream(), problem);
			return;
		}
		chain.doFilter(new BoundedRequest(request, maxBytes), response);
	}

	private static final class BoundedRequest extends HttpServletRequestWrapper {

		private final long maxBytes;

		private ServletInputStream stream;

		BoundedRequest(HttpServletRequest request, long maxBytes) {
			super(request);
			this.maxBytes = maxBytes;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (this.stream == null) {
				this.stream = new BoundedInputStream(super.getInputStream(), this.maxBytes);
			}
			return this.stream;
		}

	}

	private static final class BoundedInputStream extends ServletInputStream {

		private final ServletInputStream delegate;

		private final long maxBytes;

		private long read;

		BoundedInputStream(ServletInputStream delegate, long maxBytes) {
			this.delegate = delegate;
			this.maxBytes = maxBytes;
		}

		@Override
		public int read() throws IOException {
			int b = this.delegate.read();
			if (b >= 0) {
				count(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = this.delegate.read(buffer, offset, length);
			if (n > 0) {
				count(n);
			}
			return n;
		}

		private void count(int n) throws PayloadTooLargeException {
			this.read += n;
			if (this.read > this.maxBytes) {
				throw new PayloadTooLargeException(this.maxBytes);
			}
		}

		@Override
		public boolean isFinished() {
			return this.delegate.isFinished();
		}

		@Override
		public boolean isReady() {
			return this.delegate.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			this.delegate.setReadListener(listener);
		}

	}

}
