package com.tpwallet.walletdesk.platform.internal;

import com.tpwallet.walletdesk.platform.SupportHotline;
import com.tpwallet.walletdesk.platform.Languages;
import com.tpwallet.walletdesk.platform.PageShell;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.TreeMap;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import tools.jackson.databind.json.JsonMapper;

/**
 * Server-rendered shells in the visitor's language (switchable with {@code ?lang=},
 * remembered in a cookie).
 */
@Component
class ThymeleafPageShell implements PageShell {

	private final MessageSource messages;

	private final JsonMapper json;

	private final SupportHotline hotline;

	ThymeleafPageShell(MessageSource messages, JsonMapper json, SupportHotline hotline) {
		this.messages = messages;
		this.json = json;
		this.hotline = hotline;
	}

	@Override
	public String render(String view, String page, String script, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		Locale locale = LocaleContextHolder.getLocale();
		String chosen = request.getParameter("lang");
		if (chosen != null && Languages.match(chosen).isPresent()) {
			// Secure whenever the page was (TLS, or a trusted proxy's X-Forwarded-Proto);
			// Lax: sent on top-level links.
			response.addHeader(HttpHeaders.SET_COOKIE,
					ResponseCookie.from("wd_lang", Languages.match(chosen).map(Languages::tagOf).orElseThrow())
						.path("/")
						.httpOnly(true)
						.secure(request.isSecure())
						.sameSite("Lax")
						.maxAge(Duration.ofDays(365))
						.build()
						.toString());
		}
		model.addAttribute("page", page);
		model.addAttribute("script", script);
		model.addAttribute("lang", Languages.tagOf(locale));
		model.addAttribute("languages", Languages.SUPPORTED.stream().map(Locale::toLanguageTag).toList());
		model.addAttribute("strings", json.writeValueAsString(strings(locale)));
		return view;
	}

	/** Every {@code page.*} text in the visitor's language, for the page's script. */
	private Map<String, String> strings(Locale locale) {
		Map<String, String> out = new TreeMap<>();
		for (String key : Collections.list(ResourceBundle.getBundle("messages", Locale.ROOT).getKeys())) {
			if (key.startsWith("page.")) {
				out.put(key.substring(5), messages.getMessage(key, null, locale));
			}
		}
		// as customers read it: "Hotline 400 820 8820, business days 09:00–21:00 (Beijing
		// time)"
		hotline.text(locale).ifPresent(text -> out.put("contact.hotline", text));
		return out;
	}

}
