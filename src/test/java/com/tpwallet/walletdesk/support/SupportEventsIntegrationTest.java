package com.tpwallet.walletdesk.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.tpwallet.walletdesk.Api;
import com.tpwallet.walletdesk.HttpTestBase;
import com.tpwallet.walletdesk.support.SupportEvents.TicketAssigned;
import com.tpwallet.walletdesk.support.SupportEvents.TicketCreated;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.modulith.test.AssertablePublishedEvents;
import org.springframework.modulith.test.PublishedEventsExtension;

/**
 * The service desk's events, published when a ticket is opened and when it is given to an
 * agent.
 */
@ExtendWith(PublishedEventsExtension.class)
class SupportEventsIntegrationTest extends HttpTestBase {

	@Test
	void openingATicketPublishesItsQueueAndLanguageAndGivingItToAnAgentPublishesTheAgent(
			AssertablePublishedEvents events) {
		String token = api.login(api.registerCustomer("fr"), Api.PASSWORD);
		UUID customer = UUID.fromString(api.get("/api/v1/me", token).text("id"));
		String ticket = api.post("/api/v1/tickets",
				Map.of("subject", "Retrait", "message", "Mon retrait n'est pas arrivé", "topic", "withdrawals"), token)
			.text("id");
		assertThat(events).contains(TicketCreated.class)
			.matching(e -> e.ticketId().equals(UUID.fromString(ticket)) && e.customerId().equals(customer)
					&& e.queue().equals("withdrawals-fr") && e.language().equals("fr"));

		String username = "events." + ThreadLocalRandom.current().nextInt(1_000_000);
		String agentId = api
			.post("/api/v1/admin/staff", Map.of("username", username, "displayName", username, "password", Api.PASSWORD,
					"role", "AGENT", "languages", List.of("fr")), api.adminToken())
			.text("id");
		api.call("PATCH", "/api/v1/staff/tickets/" + ticket, Map.of("assigneeId", agentId),
				api.staffToken("SUPERVISOR"));
		assertThat(events).contains(TicketAssigned.class)
			.matching(
					e -> e.ticketId().equals(UUID.fromString(ticket)) && e.agentId().equals(UUID.fromString(agentId)));
	}

}
