package com.tpwallet.walletdesk.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tpwallet.walletdesk.Api;
import com.tpwallet.walletdesk.HttpTestBase;
import com.tpwallet.walletdesk.platform.Refusal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class EntriesFromOtherChannelsIntegrationTest extends HttpTestBase {

	@Autowired
	SupportApi support;

	@Autowired
	JdbcClient jdbc;

	UUID solvedTicket() {
		UUID customerId = UUID
			.fromString(api.get("/api/v1/me", api.login(api.registerCustomer("en"), Api.PASSWORD)).text("id"));
		UUID ticket = support
			.openTicket(customerId, new SupportApi.NewTicket("Chat", "hello", "en", null, "chat", null))
			.id();
		support.solveAfterChat(ticket);
		return ticket;
	}

	List<String> customerEntries(UUID ticket) {
		return jdbc.sql("SELECT body FROM ticket_entry WHERE ticket_id = ? AND kind = 'customer' ORDER BY id")
			.param(ticket)
			.query(String.class)
			.list();
	}

	@Test
	void entriesOnSeveralTicketsAtOnceCountAsOneByOneWouldAndReopenSolvedTickets() {
		clock.setTo(Instant.parse("2026-11-24T03:00:00Z"));
		UUID first = solvedTicket();
		UUID second = solvedTicket();

		support.addEntries(List.of(new SupportApi.NewEntry(second, EntryKind.CUSTOMER, null, "still broken"),
				new SupportApi.NewEntry(first, EntryKind.CUSTOMER, null, "<b>one more</b> thing")));

		assertThat(support.ticket(first).orElseThrow().status()).isEqualTo(TicketStatus.OPEN);
		assertThat(support.ticket(second).orElseThrow().status()).isEqualTo(TicketStatus.OPEN);
		assertThat(customerEntries(first)).endsWith("one more thing");
		assertThat(customerEntries(second)).endsWith("still broken");
	}

	@Test
	void anUnknownTicketAmongThemRefusesAllAndWritesNothing() {
		clock.setTo(Instant.parse("2026-11-24T03:00:00Z"));
		UUID known = solvedTicket();
		List<String> before = customerEntries(known);

		assertThatThrownBy(() -> support
			.addEntries(List.of(new SupportApi.NewEntry(known, EntryKind.CUSTOMER, null, "hello again"),
					new SupportApi.NewEntry(UUID.randomUUID(), EntryKind.CUSTOMER, null, "lost"))))
			.isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.code()).isEqualTo("ticket_not_found"));

		assertThat(customerEntries(known)).isEqualTo(before);
		assertThat(support.ticket(known).orElseThrow().status()).isEqualTo(TicketStatus.SOLVED);
	}

}
