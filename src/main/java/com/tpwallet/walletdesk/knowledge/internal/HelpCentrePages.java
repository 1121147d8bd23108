package com.tpwallet.walletdesk.knowledge.internal;

import com.tpwallet.walletdesk.platform.PageShell;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The public help centre: the search box and the troubleshooters on the home page, one
 * page per article and per troubleshooter. One shell; the script reads the path. It
 * shares the sign-in of "My tickets".
 */
@Controller
class HelpCentrePages {

	private final PageShell shell;

	HelpCentrePages(PageShell shell) {
		this.shell = shell;
	}

	@GetMapping({ "/help", "/help/articles/{slug}", "/help/troubleshooters/{id}", "/help/contact" })
	String helpCentre(Model model, HttpServletRequest request, HttpServletResponse response) {
		return shell.render("knowledge/helpcentre", "help", "helpcentre", model, request, response);
	}

	/** The article editor of the agent console (saving needs a supervisor). */
	@GetMapping("/agent/articles")
	String editor(Model model, HttpServletRequest request, HttpServletResponse response) {
		return shell.render("knowledge/editor", "agent", "editor", model, request, response);
	}

}
