package com.tpwallet.walletdesk.knowledge.internal;

import com.tpwallet.walletdesk.identity.CustomerProfile;
import com.tpwallet.walletdesk.identity.IdentityApi;
import com.tpwallet.walletdesk.knowledge.internal.Troubleshooter.Finding;
import com.tpwallet.walletdesk.platform.Caller;
import com.tpwallet.walletdesk.platform.Languages;
import com.tpwallet.walletdesk.platform.ClientAddress;
import com.tpwallet.walletdesk.platform.Refusal;
import com.tpwallet.walletdesk.support.SupportApi;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Runs a troubleshooter for a customer and, when nothing it finds explains the trouble,
 * opens a ticket with its findings.
 */
@Service
class Troubleshooting {

	private final Map<String, Troubleshooter> troubleshooters;

	private final IdentityApi identity;

	private final SupportApi support;

	private final ArticleLibrary articles;

	private final MessageSource messages;

	private final Clock clock;

	Troubleshooting(List<Troubleshooter> all, IdentityApi identity, SupportApi support, ArticleLibrary articles,
			MessageSource messages, Clock clock) {
		this.troubleshooters = all.stream().collect(Collectors.toMap(Troubleshooter::id, Function.identity()));
		this.identity = identity;
		this.support = support;
		this.articles = articles;
		this.messages = messages;
		this.clock = clock;
	}

	record Summary(String id, String title, boolean needsSignIn) {
	}

	record LinkedArticle(String slug, String title) {
	}

	record FindingView(String code, boolean explains, String message, List<LinkedArticle> articles,
			@Nullable UUID transactionId) {
	}

	/**
	 * {@code explained}: at least one finding tells the customer what happened; else
	 * {@code ticketOffered}.
	 */
	record Diagnosis(String troubleshooter, String title, String language, boolean explained,
			List<FindingView> findings, boolean ticketOffered) {
	}

	record Request(@Nullable String login, @Nullable String code, @Nullable Long amount, @Nullable String currency) {
	}

	record OpenedTicket(UUID ticketId, long number, Diagnosis diagnosis) {
	}

	List<Summary> list(Locale locale) {
		return List
			.of("cannot-log-in", "payment-failed", "topup-failed", "withdrawal-not-arrived", "transaction-not-found")
			.stream()
			.map(troubleshooters::get)
			.map(t -> new Summary(t.id(), title(t, locale), t.needsSignIn()))
			.toList();
	}

	/**
	 * Not one transaction: a wrong code's spent try must stay spent when the diagnosis is
	 * refused. Signed out, the sign-in troubleshooter first sends a code to the account's
	 * registered phone or e-mail and says only that; with the right code it reads the
	 * account. An unknown login gets the same answers as a known one.
	 */
	public Diagnosis diagnose(String id, @Nullable Caller caller, Request request, ClientAddress from, Locale locale) {
		Troubleshooter troubleshooter = find(id);
		Wording words = new Wording(messages, Locale.forLanguageTag(Languages.tagOf(locale)));
		List<Finding> findings;
		if (caller == null && !troubleshooter.needsSignIn() && !hasText(request.code())) {
			identity.sendVerificationCode(login(request), from);
			findings = List.of(SignInTroubleshooter.codeSent(words));
		}
		else {
			CustomerProfile customer = customer(troubleshooter, caller, request)
				.orElseThrow(() -> Refusal.unprocessable("troubleshooter_code_invalid"));
			findings = troubleshooter.diagnose(new Troubleshooter.Situation(customer, clock.instant(), words,
					request.amount(), request.currency()));
		}
		String language = Languages.tagOf(words.locale());
		List<FindingView> views = findings.stream()
			.map(f -> new FindingView(f.code(), f.explains(), f.message(),
					f.articles().stream().map(slug -> link(slug, language)).filter(Objects::nonNull).toList(),
					f.transactionId()))
			.toList();
		boolean explained = findings.stream().anyMatch(Finding::explains);
		return new Diagnosis(id, title(troubleshooter, words.locale()), language, explained, views,
				!explained && caller != null);
	}

	/**
	 * Opens a ticket carrying the findings and the customer's own words, routed to the
	 * troubleshooter's topic.
	 */
	@Transactional
	public OpenedTicket openTicket(String id, Caller caller, Request request, @Nullable String description,
			Locale locale) {
		UUID customerId = caller.customerId();
		Diagnosis diagnosis = diagnose(id, caller, request, ClientAddress.INTERNAL, locale);
		StringBuilder message = new StringBuilder();
		if (description != null && !description.isBlank()) {
			message.append(description.strip()).append("\n\n");
		}
		message.append(messages.getMessage("troubleshooter.ticket.found", null, locale)).append('\n');
		diagnosis.findings().forEach(f -> message.append("- ").append(f.message()).append('\n'));
		UUID transaction = diagnosis.findings()
			.stream()
			.map(FindingView::transactionId)
			.filter(Objects::nonNull)
			.findFirst()
			.orElse(null);
		SupportApi.OpenedTicket ticket = support.openTicket(customerId, new SupportApi.NewTicket(diagnosis.title(),
				message.toString(), diagnosis.language(), find(id).topic(), "self_help", transaction));
		return new OpenedTicket(ticket.id(), ticket.number(), diagnosis);
	}

	private Troubleshooter find(String id) {
		Troubleshooter troubleshooter = troubleshooters.get(id);
		if (troubleshooter == null) {
			throw Refusal.notFound("troubleshooter_not_found");
		}
		return troubleshooter;
	}

	/**
	 * The signed-in customer; for the sign-in troubleshooter, the account named by a
	 * login and proven by its code.
	 */
	private java.util.Optional<CustomerProfile> customer(Troubleshooter troubleshooter, @Nullable Caller caller,
			Request request) {
		if (caller != null) {
			return identity.customer(caller.customerId());
		}
		if (troubleshooter.needsSignIn()) {
			throw Refusal.notSignedIn("unauthenticated");
		}
		return identity.customerProvenByCode(login(request), String.valueOf(request.code()));
	}

	private static String login(Request request) {
		if (!hasText(request.login())) {
			throw Refusal.unprocessable("troubleshooter_login_required");
		}
		return request.login();
	}

	private static boolean hasText(@Nullable String text) {
		return text != null && !text.isBlank();
	}

	private @Nullable LinkedArticle link(String slug, String language) {
		return articles.find(slug, language, false).map(a -> new LinkedArticle(slug, a.title())).orElse(null);
	}

	private String title(Troubleshooter troubleshooter, Locale locale) {
		return messages.getMessage("troubleshooter." + troubleshooter.id(), null, locale);
	}

}
