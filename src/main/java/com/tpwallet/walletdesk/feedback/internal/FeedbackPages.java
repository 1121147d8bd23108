package com.tpwallet.walletdesk.feedback.internal;

import com.tpwallet.walletdesk.platform.PageShell;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The product team's page: what customers say, as charts, groups and quotes. */
@Controller
class FeedbackPages {

	private final PageShell shell;

	FeedbackPages(PageShell shell) {
		this.shell = shell;
	}

	@GetMapping("/product")
	String product(Model model, HttpServletRequest request, HttpServletResponse response) {
		return shell.render("feedback/product", "product", "product", model, request, response);
	}

}
