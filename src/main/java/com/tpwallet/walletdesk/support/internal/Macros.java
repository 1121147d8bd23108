package com.tpwallet.walletdesk.support.internal;

import com.tpwallet.walletdesk.wallet.TransactionType;
import com.tpwallet.walletdesk.identity.IdentityApi;
import com.tpwallet.walletdesk.platform.Caller;
import com.tpwallet.walletdesk.platform.Refusal;
import com.tpwallet.walletdesk.support.internal.TicketViews.StaffTicketDetail;
import com.tpwallet.walletdesk.wallet.TransactionView;
import com.tpwallet.walletdesk.wallet.WalletApi;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import com.tpwallet.walletdesk.identity.CustomerProfile;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Canned replies in zh-CN, en, fr and de with placeholders ({customerName},
 * {ticketNumber}, {transactionReference}, {expectedDate}, {agentName}). Applying one
 * replies in the ticket's language and may set the status, add tags and move the ticket
 * to a topic's queue. The shipped set is seeded from {@code support/macros*.properties};
 * edits made in the database are kept.
 */
@Component
class Macros implements ApplicationRunner {

	static final List<String> LANGUAGES = List.of("zh-CN", "en", "fr", "de");

	record Macro(String id, String language, String title, String body, @Nullable String setStatus,
			@Nullable String topic, List<String> addTags) {
	}

	private final JdbcClient jdbc;

	private final TicketDesk desk;

	private final IdentityApi identity;

	private final WalletApi wallet;

	private final TransactionTemplate transactions;

	Macros(JdbcClient jdbc, TicketDesk desk, IdentityApi identity, WalletApi wallet, TransactionTemplate transactions) {
		this.jdbc = jdbc;
		this.desk = desk;
		this.identity = identity;
		this.wallet = wallet;
		this.transactions = transactions;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		Properties behaviour = load("support/macros.properties");
		Properties english = load("support/macros_en.properties");
		english.stringPropertyNames()
			.stream()
			.filter(k -> k.endsWith(".title"))
			.map(k -> k.substring(0, k.length() - 6))
			.forEach(id -> jdbc.sql(
					"INSERT INTO macro (id, set_status, set_queue_topic, add_tags) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")
				.params(id, behaviour.getProperty(id + ".status"), behaviour.getProperty(id + ".topic"),
						behaviour.getProperty(id + ".tags", "").isBlank() ? new String[0]
								: behaviour.getProperty(id + ".tags").split(","))
				.update());
		for (String language : LANGUAGES) {
			Properties texts = load("support/macros_" + language + ".properties");
			texts.stringPropertyNames()
				.stream()
				.filter(k -> k.endsWith(".title"))
				.map(k -> k.substring(0, k.length() - 6))
				.forEach(id -> jdbc.sql(
						"INSERT INTO macro_text (macro_id, language, title, body) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")
					.params(id, language, texts.getProperty(id + ".title"), texts.getProperty(id + ".body"))
					.update());
		}
	}

	private static Properties load(String resource) {
		Properties p = new Properties();
		try (var in = new InputStreamReader(new ClassPathResource(resource).getInputStream(), StandardCharsets.UTF_8)) {
			p.load(in);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return p;
	}

	List<Macro> all(String language) {
		return jdbc.sql("""
				SELECT m.id, t.language, t.title, t.body, m.set_status, m.set_queue_topic, m.add_tags
				FROM macro m JOIN macro_text t ON t.macro_id = m.id WHERE t.language = ? ORDER BY m.id""")
			.param(language)
			.query((rs, n) -> new Macro(rs.getString("id"), rs.getString("language"), rs.getString("title"),
					rs.getString("body"), rs.getString("set_status"), rs.getString("set_queue_topic"),
					Arrays.asList((String[]) rs.getArray("add_tags").getArray())))
			.list();
	}

	Optional<Macro> find(String id, String language) {
		return all(language).stream().filter(m -> m.id().equals(id)).findFirst();
	}

	/**
	 * The macro's text filled in for this ticket, without sending it (the chat console
	 * puts it in the reply box).
	 */
	@Transactional(readOnly = true)
	public StaffTicketController.MacroText preview(UUID ticketId, String macroId, Caller staff) {
		Ticket ticket = desk.visible(ticketId, staff, false);
		Macro macro = find(macroId, ticket.language).orElseThrow(() -> Refusal.notFound("macro_not_found"));
		return new StaffTicketController.MacroText(render(macro.body(), placeholders(ticket, staff, macroId)),
				macro.setStatus());
	}

	/**
	 * The macro's reply (or the agent's edit of it, when given) and its changes, in one
	 * transaction. The ticket as the agent then reads it is built after the commit: it
	 * may ask the translator for messages not translated yet, and the ticket's lock held
	 * meanwhile would stop the customer's own messages.
	 */
	public StaffTicketDetail apply(UUID ticketId, String macroId, Caller staff, @Nullable String edited) {
		transactions.executeWithoutResult(tx -> {
			Ticket ticket = desk.visible(ticketId, staff, false);
			Macro macro = find(macroId, ticket.language).orElseThrow(() -> Refusal.notFound("macro_not_found"));
			String text = edited == null || edited.isBlank()
					? render(macro.body(), placeholders(ticket, staff, macroId)) : edited;
			desk.staffWrites(ticketId, staff, text, false);
			List<String> tags = new ArrayList<>(ticket.tags);
			macro.addTags().stream().filter(t -> !tags.contains(t)).forEach(tags::add);
			String queue = macro.topic() == null ? null : Routing.queue(macro.topic(), ticket.language);
			desk.change(ticketId, staff, new TicketDesk.Change(macro.setStatus(), null, queue, null, tags));
		});
		return desk.staffView(ticketId, staff);
	}

	/**
	 * When the ticket names no transaction, the one the macro is most likely about: the
	 * pending withdrawal, the latest failed payment or top-up. The desk knows the wallet,
	 * so the agent need not look it up.
	 */
	private Optional<TransactionView> relevantTransaction(String macroId, UUID customerId) {
		return switch (macroId) {
			case "withdrawal-timing" -> wallet.pendingWithdrawals(customerId).stream().findFirst();
			case "payment-failure-checks" -> wallet.failedAttempts(customerId, 20)
				.stream()
				.filter(t -> t.type() == TransactionType.PAYMENT)
				.findFirst();
			case "topup-failure-checks" -> wallet.failedAttempts(customerId, 20)
				.stream()
				.filter(t -> t.type() == TransactionType.TOP_UP)
				.findFirst();
			default -> Optional.empty();
		};
	}

	private Map<String, String> placeholders(Ticket ticket, Caller staff, String macroId) {
		var customer = ticket.customerId == null ? Optional.<CustomerProfile>empty()
				: identity.customer(ticket.customerId);
		String name = customer.map(c -> c.verifiedName() != null ? c.verifiedName()
				: c.phone() != null ? c.phone() : String.valueOf(c.email()))
			.orElse("");
		Optional<TransactionView> transaction = ticket.customerId == null ? Optional.empty()
				: ticket.transactionId != null
						? wallet.transaction(ticket.transactionId).filter(t -> t.customerId().equals(ticket.customerId))
						: relevantTransaction(macroId, ticket.customerId);
		return Map.of("customerName", name, "ticketNumber", Long.toString(ticket.number), "transactionReference",
				transaction.map(TransactionView::reference).orElse("—"), "expectedDate",
				transaction.map(t -> t.expectedArrival() == null ? "—" : t.expectedArrival().toString()).orElse("—"),
				"agentName", staff.name());
	}

	static String render(String template, Map<String, String> values) {
		String out = template;
		for (var e : values.entrySet()) {
			out = out.replace("{" + e.getKey() + "}", e.getValue());
		}
		return out;
	}

}
