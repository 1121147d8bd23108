package com.tpwallet.walletdesk.platform.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;

/**
 * Requests whose address cannot be taken as it is get a problem like every other mistake,
 * 400 {@code invalid_path}, not a server's page of HTML. Two places refuse them before
 * any controller: Spring Security's firewall ({@code ..}, {@code ;}, {@code //} in the
 * path), through this {@link RequestRejectedHandler}; and Tomcat itself (an encoded
 * slash, backslash or NUL, a broken % escape), whose error page is written by
 * {@link ProblemReport} in its place.
 */
@Component
class RejectedAddresses implements RequestRejectedHandler, WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

	static final String CODE = "invalid_path";

	private final ProblemWriter problems;

	RejectedAddresses(ProblemWriter problems) {
		this.problems = problems;
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
			throws IOException {
		problems.write(request, response, HttpStatus.BAD_REQUEST, CODE);
	}

	@Override
	public void customize(TomcatServletWebServerFactory factory) {
		factory.addContextCustomizers(context -> {
			// The host adds a valve of this class only when it has none of it yet.
			StandardHost host = (StandardHost) context.getParent();
			host.setErrorReportValveClass(ProblemReport.class.getName());
			host.getPipeline().addValve(new ProblemReport(problems));
		});
	}

	/**
	 * Tomcat's error report for requests that never reached the application: the same
	 * problem body as the application's, in the caller's language.
	 */
	static final class ProblemReport extends ErrorReportValve {

		private final ProblemWriter problems;

		ProblemReport(ProblemWriter problems) {
			this.problems = problems;
		}

		@Override
		protected void report(Request request, Response response, Throwable throwable) {
			int status = response.getStatus();
			if (status < 400 || response.getContentWritten() > 0 || !ioAllowed(response)) {
				return;
			}
			HttpStatus resolved = HttpStatus.resolve(status);
			HttpStatus known = resolved == null ? HttpStatus.INTERNAL_SERVER_ERROR : resolved;
			try {
				String body = problems.body(request, known, status == 400 ? CODE : ProblemAdvice.codeFor(known));
				response.setContentType("application/problem+json");
				response.setCharacterEncoding("UTF-8");
				Writer writer = response.getReporter();
				if (writer != null) {
					writer.write(body);
					response.finishResponse();
				}
			}
			catch (IOException | IllegalStateException e) {
				// the client is gone or the response was already under way: nothing to
				// add
			}
		}

		private static boolean ioAllowed(Response response) {
			AtomicBoolean allowed = new AtomicBoolean();
			response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, allowed);
			return allowed.get();
		}

	}

}
