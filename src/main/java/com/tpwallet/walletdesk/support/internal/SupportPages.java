package com.tpwallet.walletdesk.support.internal;

import com.tpwallet.walletdesk.platform.PageShell;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The customer's tickets, the agent console and the supervisor dashboard: shells driven
 * by small scripts that call the same API as the app.
 */
@Controller
class SupportPages {

	private final PageShell shell;

	SupportPages(PageShell shell) {
		this.shell = shell;
	}

	@GetMapping("/help/tickets")
	String tickets(Model model, HttpServletRequest request, HttpServletResponse response) {
		return shell.render("support/help", "help", "help", model, request, response);
	}

	@GetMapping("/agent")
	String agent(Model model, HttpServletRequest request, HttpServletResponse response) {
		return shell.render("support/agent", "agent", "agent", model, request, response);
	}

	@GetMapping("/supervisor")
	String supervisor(Model model, HttpServletRequest request, HttpServletResponse response) {
		return shell.render("support/supervisor", "supervisor", "supervisor", model, request, response);
	}

}
