package com.tpwallet.walletdesk.disputes.internal;

import com.tpwallet.walletdesk.platform.PageShell;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The customer's disputes in the help centre (signed in as for tickets), and the disputes
 * desk in the agent console.
 */
@Controller
class DisputePages {

	private final PageShell shell;

	DisputePages(PageShell shell) {
		this.shell = shell;
	}

	@GetMapping("/help/disputes")
	String customer(Model model, HttpServletRequest request, HttpServletResponse response) {
		return shell.render("disputes/help-disputes", "help", "disputes", model, request, response);
	}

	@GetMapping("/agent/disputes")
	String agent(Model model, HttpServletRequest request, HttpServletResponse response) {
		return shell.render("disputes/agent-disputes", "agent", "agent-disputes", model, request, response);
	}

}
