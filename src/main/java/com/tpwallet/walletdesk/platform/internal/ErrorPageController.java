package com.tpwallet.walletdesk.platform.internal;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The servlet container's error page: what fails before Spring MVC's problem advice can
 * answer (Tomcat refusing a method such as TRACE, an exception in a filter) gets the same
 * problem body, in place of Spring Boot's default error document. Not an operation of the
 * API (clients never call it), so not in the OpenAPI document.
 */
@Hidden
@RestController
class ErrorPageController implements ErrorController {

	private final ProblemWriter problems;

	ErrorPageController(ProblemWriter problems) {
		this.problems = problems;
	}

	@RequestMapping("/error")
	void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
		HttpStatus resolved = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer value
				? HttpStatus.resolve(value) : null;
		HttpStatus status = resolved == null ? HttpStatus.INTERNAL_SERVER_ERROR : resolved;
		// the firewall's refusals never come here: RejectedAddresses answers them
		problems.write(request, response, status,
				status == HttpStatus.BAD_REQUEST ? "bad_request" : ProblemAdvice.codeFor(status));
	}

}
