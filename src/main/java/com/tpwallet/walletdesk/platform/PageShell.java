package com.tpwallet.walletdesk.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.ui.Model;

/**
 * The shared shell of every page (layout, language switch, the page's texts for its
 * script): a module's page controller names its template and script and returns what this
 * gives back.
 */
public interface PageShell {

	/**
	 * @param view the module's Thymeleaf template, such as {@code support/agent}
	 * @param page the page's name; pages with the same name share a sign-in
	 * @param script the script under {@code /js/} that drives the page
	 */
	String render(String view, String page, String script, Model model, HttpServletRequest request,
			HttpServletResponse response);

}
