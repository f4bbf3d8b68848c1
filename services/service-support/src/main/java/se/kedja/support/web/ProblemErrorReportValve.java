package se.kedja.support.web;

import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

import se.kedja.support.problem.ProblemCodes;
import se.kedja.support.problem.Problems;

/**
 * Tomcat's answer to a request it refuses before the application sees it (a {@code %00}
 * or an encoded slash in the path, a malformed header) as a problem instead of Tomcat's
 * HTML page: 400 is a rejected request, any other status its shared code.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

	private final Problems problems;

	private final JsonMapper json;

	public ProblemErrorReportValve(Problems problems, JsonMapper json) {
		this.problems = problems;
		this.json = json;
	}

	@Override
	protected void report(Request request, Response response, @Nullable Throwable throwable) {
		int statusCode = response.getStatus();
		if (statusCode < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		AtomicBoolean ioAllowed = new AtomicBoolean(false);
		response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
		if (!ioAllowed.get()) {
			return;
		}
		HttpStatus status = HttpStatus.resolve(statusCode);
		if (status == null) {
			status = (statusCode < 500) ? HttpStatus.BAD_REQUEST : HttpStatus.INTERNAL_SERVER_ERROR;
		}
		String code = (status == HttpStatus.BAD_REQUEST) ? ProblemCodes.REJECTED_REQUEST
				: ProblemCodes.forStatus(status);
		ProblemDetail problem = this.problems.create(status, code, request.getLocale());
		try {
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.setCharacterEncoding("UTF-8");
			PrintWriter writer = response.getReporter();
			if (writer != null) {
				writer.write(this.json.writeValueAsString(problem));
				response.finishResponse();
			}
		}
		catch (Exception ex) {
			// the connection is gone or the response could not be written: nothing more
			// to tell the caller
			getContainer().getLogger().debug("Could not write the problem of a refused request", ex);
		}
	}

}
