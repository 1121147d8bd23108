package com.tpwallet.walletdesk.support.internal;

import com.tpwallet.walletdesk.platform.Languages;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.TreeMap;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import tools.jackson.databind.json.JsonMapper;

/**
 * The help centre, agent console and supervisor dashboard: server-rendered shells in the visitor's language
 * (switchable with {@code ?lang=}), driven by small scripts that call the same API as the app.
 */
@Controller
class SupportPages {

	private final MessageSource messages;
	private final JsonMapper json;

	SupportPages(MessageSource messages, JsonMapper json) {
		this.messages = messages;
		this.json = json;
	}

	@GetMapping("/help")
	String help(Model model, HttpServletRequest request, HttpServletResponse response) {
		return page("help", model, request, response);
	}

	@GetMapping("/agent")
	String agent(Model model, HttpServletRequest request, HttpServletResponse response) {
		return page("agent", model, request, response);
	}

	@GetMapping("/supervisor")
	String supervisor(Model model, HttpServletRequest request, HttpServletResponse response) {
		return page("supervisor", model, request, response);
	}

	private String page(String name, Model model, HttpServletRequest request, HttpServletResponse response) {
		Locale locale = LocaleContextHolder.getLocale();
		String chosen = request.getParameter("lang");
		if (chosen != null && Languages.match(chosen).isPresent()) {
			Cookie cookie = new Cookie("wd_lang", Languages.match(chosen).map(Languages::tagOf).orElseThrow());
			cookie.setPath("/");
			cookie.setHttpOnly(true);
			cookie.setMaxAge(60 * 60 * 24 * 365);
			response.addCookie(cookie);
		}
		model.addAttribute("page", name);
		model.addAttribute("lang", Languages.tagOf(locale));
		model.addAttribute("languages", Languages.SUPPORTED.stream().map(Locale::toLanguageTag).toList());
		model.addAttribute("strings", json.writeValueAsString(strings(locale)));
		return "support/" + name;
	}

	/** Every {@code page.*} text in the visitor's language, for the page's script. */
	private Map<String, String> strings(Locale locale) {
		Map<String, String> out = new TreeMap<>();
		for (String key : Collections.list(ResourceBundle.getBundle("messages", Locale.ROOT).getKeys())) {
			if (key.startsWith("page.")) {
				out.put(key.substring(5), messages.getMessage(key, null, locale));
			}
		}
		return out;
	}
}
