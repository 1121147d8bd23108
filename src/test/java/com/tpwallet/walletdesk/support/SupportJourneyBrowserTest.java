package com.tpwallet.walletdesk.support;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.tpwallet.walletdesk.Api;
import com.tpwallet.walletdesk.BrowserTestBase;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * In Debian's Chromium: a French customer opens a ticket in the help centre, an agent
 * answers it with a macro in French, the customer sees the answer, the supervisor
 * dashboard shows the ticket. Saves a screenshot of each page into
 * {@code screenshots.dir}.
 */
class SupportJourneyBrowserTest extends BrowserTestBase {

	@Test
	void aCustomerGetsAnAnswerByMacroInFrenchAndTheSupervisorSeesTheTicket() throws Exception {
		Api api = new Api(mvc);
		String phone = api.registerCustomer("fr");
		String agentName = "agent.fr." + ThreadLocalRandom.current().nextInt(1_000_000);
		api.post("/api/v1/admin/staff", Map.of("username", agentName, "displayName", "Léa Dubois", "password",
				Api.PASSWORD, "role", "AGENT", "languages", List.of("fr", "en")), api.adminToken());
		String supervisor = "supervisor." + ThreadLocalRandom.current().nextInt(1_000_000);
		api.post(
				"/api/v1/admin/staff", Map.of("username", supervisor, "displayName", "Chen Jing", "password",
						Api.PASSWORD, "role", "SUPERVISOR", "languages", List.of("zh-CN", "en", "fr", "de")),
				api.adminToken());

		Page customer = page();
		customer.navigate(url("/help/tickets?lang=fr"));
		signIn(customer, phone, Api.PASSWORD);
		customer.fill("#subject", "Retrait non reçu");
		customer.fill("#message", "Mon retrait de 200 € n'est pas arrivé <script>window.pwned=1</script>");
		customer.click("#new-ticket button[type=submit]");
		assertThat(customer.locator("#entries")).containsText("Mon retrait de 200 €");
		assertThat(customer.evaluate("() => window.pwned === undefined")).isEqualTo(true);
		screenshot(customer, "help-centre");

		Page agent = page();
		agent.navigate(url("/agent?lang=fr"));
		signIn(agent, agentName, Api.PASSWORD);
		agent.locator("#ticket-list tr.selectable", new Page.LocatorOptions().setHasText("Retrait non reçu"))
			.first()
			.click();
		assertThat(agent.locator("#entries")).containsText("Mon retrait de 200 €");
		assertThat(agent.locator("#customer-360")).containsText(phone);
		agent.selectOption("#macro", "withdrawal-timing");
		// the macro's text comes into the reply box to edit, with what sending it changes
		assertThat(agent.locator("#reply"))
			.hasValue(java.util.regex.Pattern.compile(".*jours ouvrés.*", java.util.regex.Pattern.DOTALL));
		assertThat(agent.locator("#macro-effect")).hasText("L’envoyer passe le statut à « Résolu ».");
		agent.locator("#reply").press("End");
		agent.locator("#reply").pressSequentially(" Bonne journée !");
		agent.click("#apply-macro");
		assertThat(agent.locator("#entries")).containsText("jours ouvrés");
		assertThat(agent.locator("#entries")).containsText("Bonne journée !");
		// "n" starts an internal note; "?" lists the shortcuts
		agent.locator("body").click(new com.microsoft.playwright.Locator.ClickOptions().setPosition(1, 1));
		agent.keyboard().press("?");
		assertThat(agent.locator("#shortcuts")).containsText("écrire une note interne");
		agent.keyboard().press("Escape");
		agent.keyboard().press("n");
		assertThat(agent.locator("#reply")).isFocused();
		assertThat(agent.locator("#internal")).isChecked();
		agent.fill("#reply", "Vérifié avec la banque.");
		agent.click("#reply-form button[type=submit]");
		assertThat(agent.locator("#entries .entry.note")).containsText("Vérifié avec la banque.");
		screenshot(agent, "agent-console");

		customer.reload();
		customer.locator("#my-tickets tr.selectable", new Page.LocatorOptions().setHasText("Retrait non reçu"))
			.first()
			.click();
		assertThat(customer.locator("#entries")).containsText("jours ouvrés");
		assertThat(customer.locator("#entries")).not().containsText("Vérifié avec la banque.");

		Page boss = page();
		boss.navigate(url("/supervisor?lang=fr"));
		signIn(boss, supervisor, Api.PASSWORD);
		assertThat(boss.locator("#kpi-open")).containsText("Tickets ouverts");
		assertThat(boss.locator("#recent-tickets")).containsText("Retrait non reçu");
		assertThat(boss.locator("#recent-tickets")).containsText("Retraits · français");
		assertThat(boss.locator("#kpi-frt")).not().containsText("— / —");
		screenshot(boss, "supervisor-dashboard");
	}

}
