package com.tpwallet.walletdesk.mail.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.tpwallet.walletdesk.Api;
import com.tpwallet.walletdesk.Api.Response;
import com.tpwallet.walletdesk.HttpTestBase;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.Charset;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The e-mail channel end to end against a real IMAP/SMTP server (the embedded GreenMail
 * of the demo): mail in, tickets, answers out, threading, loops, duplicates.
 */
class MailChannelIntegrationTest extends HttpTestBase {

	static final int SMTP = freePort();

	static final int IMAP = freePort();

	static final String SUPPORT = "support@walletdesk.local";

	@DynamicPropertySource
	static void mailServer(DynamicPropertyRegistry registry) {
		registry.add("walletdesk.mail.enabled", () -> "true");
		registry.add("walletdesk.mail.demo.enabled", () -> "true");
		registry.add("walletdesk.mail.demo.smtp-port", () -> SMTP);
		registry.add("walletdesk.mail.demo.imap-port", () -> IMAP);
		registry.add("walletdesk.mail.smtp.host", () -> "127.0.0.1");
		registry.add("walletdesk.mail.smtp.port", () -> SMTP);
		registry.add("walletdesk.mail.mailboxes[0].name", () -> "support");
		registry.add("walletdesk.mail.mailboxes[0].host", () -> "127.0.0.1");
		registry.add("walletdesk.mail.mailboxes[0].port", () -> IMAP);
		registry.add("walletdesk.mail.mailboxes[0].username", () -> SUPPORT);
		registry.add("walletdesk.mail.mailboxes[0].password", () -> "demo");
		// IDLE reads at once; the interval only paces the outbox and the retries after a
		// failure
		registry.add("walletdesk.mail.poll-interval", () -> "PT0.5S");
		registry.add("walletdesk.mail.send-interval", () -> "PT0.5S");
		registry.add("walletdesk.translation.libretranslate.url", TRANSLATOR::url);
	}

	static final com.tpwallet.walletdesk.translation.LocalLibreTranslate TRANSLATOR = new com.tpwallet.walletdesk.translation.LocalLibreTranslate();

	@org.junit.jupiter.api.AfterAll
	static void stopTranslator() {
		TRANSLATOR.stop();
	}

	static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@Autowired
	ApplicationContext context;

	String admin;

	@BeforeEach
	void signIn() {
		admin = api.adminToken();
	}

	GreenMail server() {
		return context.getBean(DemoMailServer.class).server();
	}

	/** A mail client's session on the demo server's SMTP port. */
	static Session smtp() {
		Properties properties = new Properties();
		properties.put("mail.smtp.host", "127.0.0.1");
		properties.put("mail.smtp.port", String.valueOf(SMTP));
		return Session.getInstance(properties);
	}

	/** A mail as a mail client sends it, through the demo server's SMTP port. */
	String send(String from, String subject, String body, String charset, String... headers) throws Exception {
		MimeMessage mail = new MimeMessage(smtp()) {
			@Override
			protected void updateMessageID() throws jakarta.mail.MessagingException {
				if (getHeader("Message-ID") == null) {
					super.updateMessageID();
				}
			}
		};
		mail.setFrom(new InternetAddress(from));
		mail.setRecipients(Message.RecipientType.TO, SUPPORT);
		mail.setSubject(subject, charset);
		mail.setText(body, charset);
		for (int i = 0; i < headers.length; i += 2) {
			mail.setHeader(headers[i], headers[i + 1]);
		}
		if (mail.getHeader("Message-ID") == null) {
			mail.setHeader("Message-ID", "<" + UUID.randomUUID() + "@customer.example>");
		}
		Transport.send(mail);
		return mail.getHeader("Message-ID")[0];
	}

	List<JsonNode> ticketsWith(String word) {
		Response r = api.get("/api/v1/staff/tickets?channel=email&q=" + word, admin);
		assertThat(r.status()).isEqualTo(200);
		return r.body().path("items").valueStream().toList();
	}

	JsonNode ticketWith(String word) {
		await().atMost(Duration.ofSeconds(15)).until(() -> ticketsWith(word).size() == 1);
		return ticketsWith(word).get(0);
	}

	JsonNode detail(String ticketId) {
		return api.get("/api/v1/staff/tickets/" + ticketId, admin).body();
	}

	List<MimeMessage> inbox(String address) {
		return Arrays.stream(server().getReceivedMessages()).filter(m -> {
			try {
				return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().contains(address));
			}
			catch (jakarta.mail.MessagingException e) {
				throw new IllegalStateException(e);
			}
		}).toList();
	}

	static String tag() {
		return UUID.randomUUID().toString().substring(0, 10).replace("-", "");
	}

	static String text(MimeMessage m) throws Exception {
		Object content = m.getContent();
		if (content instanceof String s) {
			return s;
		}
		jakarta.mail.internet.MimeMultipart mixed = (jakarta.mail.internet.MimeMultipart) content;
		StringBuilder out = new StringBuilder();
		collect(mixed, out);
		return out.toString();
	}

	private static void collect(jakarta.mail.Multipart multipart, StringBuilder out) throws Exception {
		for (int i = 0; i < multipart.getCount(); i++) {
			var part = multipart.getBodyPart(i);
			if (part.getContent() instanceof jakarta.mail.Multipart inner) {
				collect(inner, out);
			}
			else if (part.isMimeType("text/plain")) {
				out.append(part.getContent());
			}
		}
	}

	@Test
	void aMailBecomesATicketTheAnswerGoesBackThreadedAndTheReplyJoinsTheSameTicket() throws Exception {
		String tag = tag();
		String alice = "alice-" + tag + "@walletdesk.local";
		String first = send(alice, "Withdrawal not received " + tag, "My withdrawal of 200 CNY has not arrived.",
				"UTF-8");
		JsonNode ticket = ticketWith(tag);
		assertThat(ticket.path("channel").asString()).isEqualTo("email");
		String id = ticket.path("id").asString();
		await().atMost(Duration.ofSeconds(10)).until(() -> inbox(alice).size() == 1);
		MimeMessage acknowledgement = inbox(alice).get(0);
		assertThat(acknowledgement.getHeader("Auto-Submitted")[0]).isEqualTo("auto-replied");
		assertThat(acknowledgement.getSubject()).startsWith("[#" + ticket.path("number").asLong() + "]");

		Response reply = api.post("/api/v1/tickets/" + id + "/entries",
				Map.of("body", "Your withdrawal arrives tomorrow. " + tag), admin);
		assertThat(reply.status()).isEqualTo(201);
		assertThat(reply.body().path("delivery").asString()).isEqualTo("queued");
		// out before the reply returned: a customer never sees the acknowledgement alone
		// after the agent has answered
		assertThat(inbox(alice)).hasSize(2);
		MimeMessage answer = inbox(alice).get(1);
		assertThat(text(answer)).contains("Your withdrawal arrives tomorrow. " + tag);
		assertThat(answer.getHeader("In-Reply-To")[0]).isEqualTo(first);
		assertThat(answer.getHeader("References")[0]).contains(first);
		assertThat(answer.getHeader("Auto-Submitted")).isNull();
		String answerId = answer.getMessageID();
		assertThat(answerId).endsWith("@walletdesk.local>");
		await().atMost(Duration.ofSeconds(10))
			.until(() -> detail(id).path("entries")
				.valueStream()
				.anyMatch(e -> e.path("delivery").asString().equals("sent")));

		send(alice, "Re: " + answer.getSubject(),
				"Thanks, still waiting " + tag + "-again\n\nOn Mon, Support wrote:\n> old", "UTF-8", "In-Reply-To",
				answerId, "References", first + " " + answerId);
		await().atMost(Duration.ofSeconds(15)).until(() -> detail(id).toString().contains(tag + "-again"));
		assertThat(ticketsWith(tag)).hasSize(1);
		assertThat(detail(id).toString()).doesNotContain("> old");
	}

	@Test
	void aReplySentMachineTranslatedGoesOutInTheCustomersLanguageWithTheOriginalBelow() throws Exception {
		String tag = tag();
		String louise = "louise-" + tag + "@walletdesk.local";
		send(louise, "Retrait " + tag, "Bonjour, mon retrait de 200 CNY n'est toujours pas arrivé sur mon compte.",
				"UTF-8");
		JsonNode ticket = ticketWith(tag);
		assertThat(ticket.path("language").asString()).isEqualTo("fr");
		await().atMost(Duration.ofSeconds(10)).until(() -> inbox(louise).size() == 1);
		String writer = "mail.zh." + tag;
		api.post(
				"/api/v1/admin/staff", Map.of("username", writer, "displayName", "Zhou Min", "password",
						com.tpwallet.walletdesk.Api.PASSWORD, "role", "SUPERVISOR", "languages", List.of("zh-CN")),
				admin);
		Response reply = api.post("/api/v1/tickets/" + ticket.path("id").asString() + "/entries",
				Map.of("body", "您的提现明天到账。", "translate", true),
				api.login(writer, com.tpwallet.walletdesk.Api.PASSWORD));
		assertThat(reply.status()).isEqualTo(201);
		await().atMost(Duration.ofSeconds(10)).until(() -> inbox(louise).size() == 2);
		String answer = text(inbox(louise).get(1));
		assertThat(answer).contains("[fr] 您的提现明天到账。")
			.contains("Traduit automatiquement par libretranslate. L’original, en chinois :")
			.contains("\n您的提现明天到账。");
	}

	@Test
	void aTicketNumberInTheSubjectThreadsOnlyForSomeoneAlreadyInTheTicket() throws Exception {
		String tag = tag();
		String bob = "bob-" + tag + "@walletdesk.local";
		send(bob, "Card declined " + tag, "My card was declined.", "UTF-8");
		JsonNode ticket = ticketWith(tag);
		long number = ticket.path("number").asLong();
		send("stranger-" + tag + "@walletdesk.local", "About [#" + number + "] " + tag + "-stranger",
				"I saw this number somewhere.", "UTF-8");
		await().atMost(Duration.ofSeconds(15)).until(() -> ticketsWith(tag + "-stranger").size() == 1);
		assertThat(ticketsWith(tag + "-stranger").get(0).path("id").asString())
			.as("a stranger's mail with the number opens its own ticket (Zammad #2444)")
			.isNotEqualTo(ticket.path("id").asString());
		send(bob, "Again [#" + number + "]", "Any news? " + tag + "-bob-again", "UTF-8");
		await().atMost(Duration.ofSeconds(15))
			.until(() -> detail(ticket.path("id").asString()).toString().contains(tag + "-bob-again"));
	}

	@Test
	void aGbkMailReadsCorrectlyAndAnAutoReplyGetsNoAutomaticAnswer() throws Exception {
		String tag = tag();
		send("wang-" + tag + "@walletdesk.local", "充值失败 " + tag, "我昨天用招商银行卡充值，显示失败但是钱被扣了。", "GBK");
		JsonNode ticket = ticketWith(tag);
		assertThat(detail(ticket.path("id").asString()).toString()).contains("充值失败").contains("招商银行");
		assertThat(ticket.path("language").asString()).isEqualTo("zh-CN");

		String robot = "noreply-" + tag + "@walletdesk.local";
		send(robot, "Out of office " + tag + "-ooo", "I am away.", "UTF-8", "Auto-Submitted", "auto-replied");
		ticketWith(tag + "-ooo");
		// a later mail to another sender is acknowledged: by then the robot's would have
		// been too
		String person = "person-" + tag + "@walletdesk.local";
		send(person, "Question " + tag + "-person", "Hello", "UTF-8");
		await().atMost(Duration.ofSeconds(15)).until(() -> inbox(person).size() == 1);
		assertThat(inbox(robot)).isEmpty();
	}

	@Test
	void theSameMessageDeliveredTwiceIsOneEntry() throws Exception {
		String tag = tag();
		String id = "<" + UUID.randomUUID() + "@customer.example>";
		String carol = "carol-" + tag + "@walletdesk.local";
		send(carol, "Charged twice " + tag, "I was charged twice " + tag, "UTF-8", "Message-ID", id);
		send(carol, "Charged twice " + tag, "I was charged twice " + tag, "UTF-8", "Message-ID", id);
		String later = tag();
		send(carol, "Later " + later, "later", "UTF-8");
		ticketWith(later); // read after both copies
		JsonNode ticket = ticketWith(tag);
		assertThat(detail(ticket.path("id").asString()).toString().split("I was charged twice " + tag, -1)).hasSize(2);
	}

	@Test
	void anOversizedAttachmentLeavesANoteAndTheMailStillArrives() throws Exception {
		String tag = tag();
		MimeMessage mail = new MimeMessage(smtp());
		mail.setFrom(new InternetAddress("dave-" + tag + "@walletdesk.local"));
		mail.setRecipients(Message.RecipientType.TO, SUPPORT);
		mail.setSubject("Statement " + tag);
		var multipart = new jakarta.mail.internet.MimeMultipart();
		var text = new jakarta.mail.internet.MimeBodyPart();
		text.setText("My statement is attached.", "UTF-8");
		var big = new jakarta.mail.internet.MimeBodyPart();
		byte[] pdf = new byte[11 * 1024 * 1024];
		byte[] head = "%PDF-1.4\n".getBytes(Charset.forName("US-ASCII"));
		System.arraycopy(head, 0, pdf, 0, head.length);
		big.setContent(pdf, "application/pdf");
		big.setFileName("statement.pdf");
		big.setDisposition(jakarta.mail.Part.ATTACHMENT);
		multipart.addBodyPart(text);
		multipart.addBodyPart(big);
		mail.setContent(multipart);
		Transport.send(mail);
		JsonNode ticket = ticketWith(tag);
		JsonNode entries = detail(ticket.path("id").asString()).path("entries");
		assertThat(entries.valueStream().map(e -> e.path("body").asString())).contains("My statement is attached.",
				"attachment_refused:statement.pdf:attachment_too_large");
	}

	@Test
	void aBounceMarksTheAddressOnTheTicketAndOpensNoTicket() throws Exception {
		String tag = tag();
		String erin = "erin-" + tag + "@walletdesk.local";
		send(erin, "Limit question " + tag, "What is my limit?", "UTF-8");
		JsonNode ticket = ticketWith(tag);
		await().atMost(Duration.ofSeconds(10)).until(() -> inbox(erin).size() == 1);
		String ours = inbox(erin).get(0).getMessageID();
		MimeMessage report = new MimeMessage(smtp(),
				new java.io.ByteArrayInputStream(("From: MAILER-DAEMON@mx.example.com\r\nTo: " + SUPPORT
						+ "\r\nSubject: Undelivered Mail " + tag + "-bounce\r\nMessage-ID: <dsn-" + tag
						+ "@mx.example.com>\r\nContent-Type: multipart/report; report-type=delivery-status; boundary=r\r\n\r\n"
						+ "--r\r\nContent-Type: text/plain\r\n\r\nFailed.\r\n--r\r\nContent-Type: message/delivery-status\r\n\r\n"
						+ "Reporting-MTA: dns; mx.example.com\r\n\r\nFinal-Recipient: rfc822; " + erin
						+ "\r\nAction: failed\r\nStatus: 5.1.1\r\n--r\r\nContent-Type: text/rfc822-headers\r\n\r\nMessage-ID: "
						+ ours + "\r\n--r--\r\n")
					.getBytes(Charset.forName("US-ASCII"))));
		Transport.send(report);
		String id = ticket.path("id").asString();
		await().atMost(Duration.ofSeconds(15))
			.until(() -> detail(id).toString().contains("mail_bounced:" + erin + ":5.1.1"));
		assertThat(ticketsWith(tag + "-bounce")).isEmpty();
		JsonNode mails = api.get("/api/v1/staff/tickets/" + id + "/mails", admin).body();
		assertThat(mails.valueStream().map(m -> m.path("automated").asString())).contains("bounce");
	}

	@Test
	void staffDownloadTheOriginalMailAndCustomersCannot() throws Exception {
		String tag = tag();
		send("frank-" + tag + "@walletdesk.local", "Original " + tag, "Keep me as I came.", "UTF-8");
		String id = ticketWith(tag).path("id").asString();
		JsonNode mails = api.get("/api/v1/staff/tickets/" + id + "/mails", admin).body();
		String mailId = mails.get(0).path("id").asString();
		Response original = api.get("/api/v1/staff/mails/" + mailId + "/original", admin);
		assertThat(original.status()).isEqualTo(200);
		assertThat(original.raw().getResponse().getContentAsString()).contains("Keep me as I came.");
		String customer = api.login(api.registerCustomer("en"), Api.PASSWORD);
		assertThat(api.get("/api/v1/staff/mails/" + mailId + "/original", customer).status()).isEqualTo(403);
	}

	@Autowired
	MailIntake intake;

	@Autowired
	org.springframework.transaction.support.TransactionTemplate transactions;

	@Autowired
	MailboxHealth.MailboxStates mailboxStates;

	@Test
	void aCrashBetweenFetchAndCommitReadsTheMailAgainAndAddsItOnce() throws Exception {
		String tag = tag();
		byte[] raw = ("From: gina-" + tag + "@walletdesk.local\r\nTo: " + SUPPORT + "\r\nSubject: Frozen " + tag
				+ "\r\nMessage-ID: <" + tag + "@customer.example>\r\n\r\nMy wallet is frozen.\r\n")
			.getBytes(Charset.forName("US-ASCII"));
		String box = "crash-" + tag;
		// the process dies after the fetch, before the commit: nothing of it stays
		transactions.executeWithoutResult(status -> {
			try {
				intake.receive(box, 7, 1, raw);
			}
			catch (Exception e) {
				throw new IllegalStateException(e);
			}
			status.setRollbackOnly();
		});
		assertThat(ticketsWith(tag)).isEmpty();
		// read again after the restart: once
		assertThat(intake.receive(box, 7, 1, raw)).isEqualTo(MailIntake.Outcome.NEW_TICKET);
		assertThat(intake.receive(box, 7, 1, raw)).isEqualTo(MailIntake.Outcome.ALREADY_READ);
		// the server renumbered its mailbox (a new UIDVALIDITY): the Message-ID stops it
		assertThat(intake.receive(box, 8, 1, raw)).isEqualTo(MailIntake.Outcome.DUPLICATE);
		assertThat(ticketsWith(tag)).hasSize(1);
	}

	@Autowired
	OutgoingMailHealth outgoingMail;

	/**
	 * Written a day ahead of the real time, so that what the other tests sent is not
	 * "sent since".
	 */
	@Test
	void mailTheServerRefusesForTenMinutesMakesTheServiceUnhealthyUntilAMailLeaves() {
		UUID failing = UUID.randomUUID();
		UUID sent = UUID.randomUUID();
		try {
			clock.advance(Duration.ofDays(1));
			// failed twice, the next attempt far off, as the sender leaves it
			outbox(failing, "queued", 2, "451 4.3.0 Mail server temporarily rejected message");
			assertThat(outgoingMail.health(true).getStatus()).isEqualTo(Status.UP);

			clock.advance(Duration.ofMinutes(11));
			Health later = outgoingMail.health(true);
			assertThat(later.getStatus()).isEqualTo(Status.DOWN);
			assertThat(later.getDetails())
				.containsEntry("lastError", "451 4.3.0 Mail server temporarily rejected message")
				.containsEntry("failing", 1L);

			// another mail leaves: the server takes mail, the first is its recipient's
			// matter
			outbox(sent, "sent", 1, null);
			assertThat(outgoingMail.health(true).getStatus()).isEqualTo(Status.UP);
		}
		finally {
			// other tests share the database and check the service is healthy
			jdbc.sql("UPDATE mail_outbox SET status = 'sent' WHERE id = ?").param(failing).update();
		}
	}

	private void outbox(UUID id, String status, int attempts, @Nullable String lastError) {
		jdbc.sql("""
				INSERT INTO mail_outbox (id, ticket_id, kind, recipient, message_id, language, subject, body, status,
				  attempts, last_error, next_attempt_at, sent_at, created_at)
				VALUES (?, ?, 'reply', 'ida@walletdesk.local', ?, 'en', 'Re: card', 'Hello', ?, ?, ?, ?, ?, ?)""")
			.params(id, UUID.randomUUID(), "<" + id + "@walletdesk.local>", status, attempts, lastError,
					Timestamp.from(clock.instant().plus(Duration.ofDays(1))),
					status.equals("sent") ? Timestamp.from(clock.instant()) : null, Timestamp.from(clock.instant()))
			.update();
	}

	@Test
	void aMailboxThatGoesAwayShowsAsStoppedAndIsReadAgainWhenItComesBack() throws Exception {
		server().stop();
		try {
			await().atMost(Duration.ofSeconds(15))
				.until(() -> mailboxStates.all().get(0).problem() != null || failingSinceSet());
			clock.advance(Duration.ofMinutes(2));
			assertThat(mailboxStates.all().get(0).reading()).isFalse();
			Response boxes = api.get("/api/v1/staff/mailboxes", admin);
			assertThat(boxes.body().get(0).path("reading").asBoolean()).isFalse();
			assertThat(boxes.body().get(0).path("name").asString()).isEqualTo("support");
		}
		finally {
			server().start();
		}
		String tag = tag();
		send("hank-" + tag + "@walletdesk.local", "Back again " + tag, "Is anyone there?", "UTF-8");
		ticketWith(tag);
		await().atMost(Duration.ofSeconds(15)).until(() -> mailboxStates.all().get(0).reading());
	}

	private boolean failingSinceSet() {
		return jdbc.sql("SELECT count(*) FROM mail_mailbox WHERE name = 'support' AND failing_since IS NOT NULL")
			.query(Long.class)
			.single() > 0;
	}

	@Test
	void aContactLinkedToACustomerHandsOverTheirTickets() throws Exception {
		String tag = tag();
		String address = "ivy-" + tag + "@walletdesk.local";
		send(address, "Who am I " + tag, "I have no account under this address.", "UTF-8");
		JsonNode ticket = ticketWith(tag);
		assertThat(ticket.path("customerId").isNull() || ticket.path("customerId").isMissingNode()).isTrue();
		String contact = jdbc.sql("SELECT id::text FROM mail_contact WHERE address = ?")
			.param(address)
			.query(String.class)
			.single();
		String phone = api.registerCustomer("en");
		String customerId = api.get("/api/v1/me", api.login(phone, Api.PASSWORD)).text("id");
		Response linked = api.post("/api/v1/staff/mail-contacts/" + contact + "/customer",
				Map.of("customerId", customerId), admin);
		assertThat(linked.status()).isEqualTo(200);
		assertThat(linked.body().path("tickets").asInt()).isEqualTo(1);
		assertThat(detail(ticket.path("id").asString()).path("ticket").path("customerId").asString())
			.isEqualTo(customerId);
		assertThat(jdbc
			.sql("SELECT count(*) FROM audit_entry WHERE action = 'mail.contact_linked' AND subject_id = ?::uuid")
			.param(customerId)
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(api
			.post("/api/v1/staff/mail-contacts/" + contact + "/customer",
					Map.of("customerId", UUID.randomUUID().toString()), admin)
			.code()).isEqualTo("customer_unknown");
	}

	@Test
	void aFileTheAgentPutsOnAnEmailTicketGoesOutAttachedToAMail() throws Exception {
		String tag = tag();
		String jane = "jane-" + tag + "@walletdesk.local";
		send(jane, "Need my statement " + tag, "Please send my statement.", "UTF-8");
		String id = ticketWith(tag).path("id").asString();
		await().atMost(Duration.ofSeconds(10)).until(() -> inbox(jane).size() == 1); // the
																						// acknowledgement
		byte[] png = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 1,
				0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, (byte) 0xc4, (byte) 0x89 };
		var upload = mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
				.multipart("/api/v1/tickets/" + id + "/attachments")
				.file(new org.springframework.mock.web.MockMultipartFile("file", "statement.png", "image/png", png))
				.header("Authorization", "Bearer " + admin))
			.andReturn();
		assertThat(upload.getResponse().getStatus()).isEqualTo(201);
		await().atMost(Duration.ofSeconds(10)).until(() -> inbox(jane).size() == 2);
		MimeMessage mail = inbox(jane).get(1);
		assertThat(text(mail)).contains("statement.png");
		jakarta.mail.Multipart mixed = (jakarta.mail.Multipart) mail.getContent();
		List<String> files = new java.util.ArrayList<>();
		for (int i = 0; i < mixed.getCount(); i++) {
			if (mixed.getBodyPart(i).getFileName() != null) {
				files.add(mixed.getBodyPart(i).getFileName());
			}
		}
		assertThat(files).containsExactly("statement.png");
	}

	@Test
	void oneSenderGetsAtMostFiveAcknowledgementsADay() throws Exception {
		String tag = tag();
		String busy = "busy-" + tag + "@walletdesk.local";
		for (int i = 0; i < 6; i++) {
			send(busy, "Question " + i + " " + tag, "Question number " + i, "UTF-8");
		}
		await().atMost(Duration.ofSeconds(15)).until(() -> ticketsWith(tag).size() == 6);
		String later = tag();
		String other = "other-" + later + "@walletdesk.local";
		send(other, "Other " + later, "Hello", "UTF-8");
		await().atMost(Duration.ofSeconds(15)).until(() -> inbox(other).size() == 1);
		assertThat(inbox(busy)).hasSize(5);
	}

}
