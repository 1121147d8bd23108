package com.tpwallet.walletdesk.chat;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import com.tpwallet.walletdesk.Api;
import com.tpwallet.walletdesk.BrowserTestBase;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * In Chromium: a customer asks the widget in Chinese, gets the bot's answer, asks for a
 * human; an agent accepts in the console; they exchange messages and an image; the
 * customer reloads and sees it all; the conversation is on the ticket.
 */
class ChatBrowserTest extends BrowserTestBase {

	static final byte[] PNG = Base64.getDecoder()
		.decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

	@Test
	void aChineseCustomerGoesFromTheBotToAnAgentAndKeepsTheWholeConversation() throws Exception {
		// Tuesday 10:00 in Beijing: the desk is open
		clock.setTo(Instant.parse("2026-11-24T02:00:00Z"));
		Api api = new Api(mvc);
		String phone = api.registerCustomer("zh-CN");
		String agentName = "chat.zh." + ThreadLocalRandom.current().nextInt(1_000_000);
		api.post("/api/v1/admin/staff", Map.of("username", agentName, "displayName", "王芳", "password", Api.PASSWORD,
				"role", "AGENT", "languages", List.of("zh-CN")), api.adminToken());

		Page customer = page();
		customer.navigate(url("/help/tickets?lang=zh-CN"));
		signIn(customer, phone, Api.PASSWORD);
		assertThat(customer.locator("#my-tickets")).isVisible();
		customer.click("#wd-chat-open");
		assertThat(customer.locator("#wd-chat-log")).containsText("转人工");
		customer.fill("#wd-chat-input", "我忘记登录密码了，怎么找回？");
		customer.press("#wd-chat-input", "Enter");
		assertThat(customer.locator("#wd-chat-log .wd-articles")).containsText("忘记登录密码");
		customer.locator("#wd-chat-log button[data-action=handover]").last().click();
		assertThat(customer.locator("#wd-chat-log")).containsText("排在第 1 位");

		Page agent = page();
		agent.navigate(url("/agent?lang=zh-CN"));
		signIn(agent, agentName, Api.PASSWORD);
		agent.locator("#chat-waiting .accept-chat").first().click();
		assertThat(agent.locator("#chat-log")).containsText("我忘记登录密码了，怎么找回？");
		assertThat(agent.locator("#customer-360")).containsText(phone);
		assertThat(customer.locator("#wd-chat-log")).containsText("王芳 已加入对话");
		assertThat(agent.locator("#chat-reply")).isFocused(); // the accepted chat is
																// ready to answer

		// Shift+Enter adds a line, Enter sends
		agent.locator("#chat-reply").pressSequentially("您好，我是王芳。");
		agent.press("#chat-reply", "Shift+Enter");
		agent.locator("#chat-reply").pressSequentially("我来帮您重置密码。");
		assertThat(agent.locator("#chat-reply")).hasValue("您好，我是王芳。\n我来帮您重置密码。");
		agent.press("#chat-reply", "Enter");
		assertThat(customer.locator("#wd-chat-log .from-agent")).containsText("我来帮您重置密码");
		assertThat(customer.locator("#wd-chat-log .from-agent .wd-author").first()).hasText("王芳");
		assertThat(agent.locator("#chat-reply")).hasValue("");
		customer.fill("#wd-chat-input", "好的，截图在这里 <img src=x onerror=\"window.pwned=1\">");
		customer.press("#wd-chat-input", "Enter");
		customer.setInputFiles("#wd-chat-file", new FilePayload("screenshot.png", "image/png", PNG));
		assertThat(agent.locator("#chat-log img.chat-image")).hasCount(1);
		assertThat(agent.locator("#chat-log")).containsText("截图在这里");
		assertThat(agent.evaluate("() => window.pwned === undefined")).isEqualTo(true);
		assertThat(customer.locator("#wd-chat-log .wd-receipt").first()).hasText("已读");
		screenshot(agent, "agent-chat-zh");

		// the agent looks at the ticket; the customer writes: the chat shows a badge, the
		// tab a count
		agent.click("#chat-ticket");
		customer.fill("#wd-chat-input", "还在吗？");
		customer.press("#wd-chat-input", "Enter");
		assertThat(agent.locator("#chat-mine .badge.unread")).hasText("1");
		assertThat(agent).hasTitle(java.util.regex.Pattern.compile("^\\(1\\) "));
		agent.locator("#chat-mine .open-chat").first().click();
		assertThat(agent.locator("#chat-log")).containsText("还在吗？");
		assertThat(agent).hasTitle(java.util.regex.Pattern.compile("^[^(]"));

		customer.reload();
		assertThat(customer.locator("#wd-chat-log")).containsText("我忘记登录密码了，怎么找回？");
		assertThat(customer.locator("#wd-chat-log")).containsText("我来帮您重置密码");
		assertThat(customer.locator("#wd-chat-log .wd-attachment img")).hasCount(1);
		screenshot(customer, "chat-widget-zh");

		String token = api.login(phone, Api.PASSWORD);
		String ticket = api.get("/api/v1/chats/current", token).text("ticketId");
		assertThat(api.get("/api/v1/tickets/" + ticket, token).body().path("ticket").path("subject").asString())
			.as("the matter in the customer's words")
			.isEqualTo("我忘记登录密码了，怎么找回？");
		String onTicket = api.get("/api/v1/tickets/" + ticket, token).body().toString();
		assertThat(onTicket).contains("我忘记登录密码了，怎么找回？").contains("我来帮您重置密码").contains("screenshot.png");

		// the agent ends the chat: the customer rates once, sees that it ended, and may
		// start again
		agent.click("#chat-end");
		assertThat(customer.locator("#wd-chat-ended")).isVisible();
		assertThat(customer.locator("#wd-chat-ended")).containsText("本次对话已结束");
		assertThat(customer.locator("#wd-chat-form")).isHidden();
		customer.locator("#wd-chat-log button[data-action='rate:5']").click();
		assertThat(customer.locator("#wd-chat-log button[data-action='rate:4']")).isDisabled();
		assertThat(customer.locator("#wd-chat-log")).containsText("感谢");
		customer.click("#wd-chat-new");
		assertThat(customer.locator("#wd-chat-form")).isVisible();
		assertThat(customer.locator("#wd-chat-ended")).isHidden();
		assertThat(customer.locator("#wd-chat-log")).not().containsText("我来帮您重置密码");
		assertThat(api.get("/api/v1/tickets/" + ticket, token).body().path("ticket").path("status").asString())
			.isEqualTo("solved");
	}

}
