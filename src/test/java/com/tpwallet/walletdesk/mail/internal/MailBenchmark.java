package com.tpwallet.walletdesk.mail.internal;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.tpwallet.walletdesk.WalletdeskApplication;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayOutputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The e-mail channel's throughput, each next to a yardstick measured in the same run on
 * the same mail server: inbound (IMAP to committed ticket entries) against a bare IMAP
 * fetch of the same mails, outbound (replies through the outbox) against bare SMTP sends.
 * Run with {@code bench/mail}; MAILS (10,000), REPLIES (2,000).
 */
public class MailBenchmark {

	static final int MAILS = Integer.getInteger("mails", 10_000);

	static final int REPLIES = Integer.getInteger("replies", 2_000);

	static final String SUPPORT = "support@walletdesk.local";

	public static void main(String[] args) throws Exception {
		int smtp = freePort();
		// the mailbox on a real IMAP server when bench/mail started one (Dovecot), else
		// on GreenMail's
		Integer external = Integer.getInteger("imapPort");
		int imap = external != null ? external : freePort();
		ServerSetup[] setups = external != null ? new ServerSetup[] { new ServerSetup(smtp, "127.0.0.1", "smtp") }
				: new ServerSetup[] { new ServerSetup(smtp, "127.0.0.1", "smtp"),
						new ServerSetup(imap, "127.0.0.1", "imap") };
		GreenMail server = new GreenMail(setups);
		server.withConfiguration(
				GreenMailConfiguration.aConfig().withUser(SUPPORT, SUPPORT, "demo").withDisabledAuthentication());
		server.start();
		List<MimeMessage> mails = new java.util.ArrayList<>();
		long attachments = fill(mails::add);
		if (external != null) {
			append(imap, mails);
		}
		else {
			GreenMailUser support = server.getUserManager().getUser(SUPPORT);
			for (MimeMessage m : mails) {
				support.deliver(m);
			}
		}
		mails.clear();
		System.out.printf("IMAP server: %s%n", external != null ? "Dovecot on port " + imap : "GreenMail (embedded)");
		double fetchRate = bareFetch(imap);
		ConfigurableApplicationContext app = SpringApplication.run(WalletdeskApplication.class, "--server.port=0",
				"--spring.profiles.active=demo", "--walletdesk.data-dir=" + Files.createTempDirectory("wd-mail-bench-"),
				"--walletdesk.database.clean-on-start=true", "--logging.level.root=WARN",
				"--spring.main.banner-mode=off", "--walletdesk.mail.demo.enabled=false",
				"--walletdesk.mail.smtp.host=127.0.0.1", "--walletdesk.mail.smtp.port=" + smtp,
				"--walletdesk.mail.mailboxes[0].name=support", "--walletdesk.mail.mailboxes[0].host=127.0.0.1",
				"--walletdesk.mail.mailboxes[0].port=" + imap, "--walletdesk.mail.mailboxes[0].username=" + SUPPORT,
				"--walletdesk.mail.mailboxes[0].password=demo",
				"--walletdesk.mail.acknowledgements-per-sender-per-day=0", "--walletdesk.mail.poll-interval=PT0.1S",
				"--walletdesk.mail.send-interval=PT0.1S");
		try {
			JdbcClient jdbc = app.getBean(JdbcClient.class);
			while (count(jdbc, "SELECT count(*) FROM mail_message WHERE direction = 'in'") < MAILS) {
				Thread.sleep(200);
			}
			double inbound = rate(jdbc, "SELECT count(*), extract(epoch FROM max(created_at) - min(created_at)) "
					+ "FROM mail_message WHERE direction = 'in'");
			long tickets = count(jdbc, "SELECT count(*) FROM ticket WHERE channel = 'email'");
			long entries = count(jdbc, "SELECT count(*) FROM ticket_entry e JOIN ticket t ON t.id = e.ticket_id "
					+ "WHERE t.channel = 'email'");
			double smtpRate = bareSend(smtp);
			double outbound = replies(app, jdbc);
			System.out.printf("%n| direction | mails | walletdesk mails/s | yardstick | yardstick mails/s | ratio |%n");
			System.out.printf("|---|---:|---:|---|---:|---:|%n");
			System.out.printf(
					"| inbound (IMAP to committed ticket entries; %,d with an attachment; %,d tickets, %,d entries) "
							+ "| %,d | %,.0f | bare IMAP fetch of the same mails | %,.0f | %.2f |%n",
					attachments, tickets, entries, MAILS, inbound, fetchRate, inbound / fetchRate);
			System.out.printf("| outbound (agent replies through the outbox to SMTP) | %,d | %,.0f | bare SMTP sends "
					+ "| %,.0f | %.2f |%n", REPLIES, outbound, smtpRate, outbound / smtpRate);
		}
		finally {
			app.close();
			server.stop();
			System.exit(0);
		}
	}

	/**
	 * Realistic mails: 1,000 senders, text of 1–6 KB in four languages, one in ten with a
	 * 100 KB image, one in five answering an earlier one of the same sender.
	 */
	static long fill(java.util.function.Consumer<MimeMessage> support) throws Exception {
		Session session = Session.getInstance(new Properties());
		String[] texts = { "My withdrawal has not arrived yet, could you check it please? ",
				"Ma recharge a échoué mais j'ai été débité. ", "Meine Überweisung ist seit drei Tagen unterwegs. ",
				"我的提现三天了还没有到账，请帮我查一下。" };
		byte[] image = new byte[100 * 1024];
		ThreadLocalRandom.current().nextBytes(image);
		System.arraycopy(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' }, 0, image, 0, 8);
		String[] lastOf = new String[1000];
		long attachments = 0;
		for (int i = 0; i < MAILS; i++) {
			int sender = i % 1000;
			MimeMessage m = new MimeMessage(session);
			m.setFrom(new InternetAddress("customer" + sender + "@example.com"));
			m.setRecipients(Message.RecipientType.TO, SUPPORT);
			String id = "<bench-" + i + "-" + UUID.randomUUID() + "@example.com>";
			m.setSubject("Question " + i + " about my wallet", "UTF-8");
			String text = texts[i % 4].repeat(10 + i % 60);
			if (i % 10 == 0) {
				MimeMultipart mixed = new MimeMultipart();
				MimeBodyPart body = new MimeBodyPart();
				body.setText(text, "UTF-8");
				MimeBodyPart file = new MimeBodyPart();
				file.setContent(image, "image/png");
				file.setFileName("receipt-" + i + ".png");
				mixed.addBodyPart(body);
				mixed.addBodyPart(file);
				m.setContent(mixed);
				attachments++;
			}
			else {
				m.setText(text, "UTF-8");
			}
			if (i % 5 == 1 && lastOf[sender] != null) {
				m.setHeader("In-Reply-To", lastOf[sender]);
				m.setHeader("References", lastOf[sender]);
			}
			m.saveChanges();
			m.setHeader("Message-ID", id);
			lastOf[sender] = id;
			support.accept(m);
		}
		return attachments;
	}

	/** Mails put into the real server's mailbox over IMAP, a hundred per APPEND. */
	static void append(int port, List<MimeMessage> mails) throws Exception {
		Store store = Session.getInstance(new Properties()).getStore("imap");
		store.connect("127.0.0.1", port, SUPPORT, "demo");
		Folder inbox = store.getFolder("INBOX");
		for (int from = 0; from < mails.size(); from += 100) {
			inbox.appendMessages(mails.subList(from, Math.min(mails.size(), from + 100)).toArray(Message[]::new));
		}
		store.close();
	}

	/** The yardstick: every mail fetched whole over IMAP, nothing else done with it. */
	static double bareFetch(int port) throws Exception {
		Properties p = new Properties();
		p.put("mail.imap.partialfetch", "false");
		Store store = Session.getInstance(p).getStore("imap");
		store.connect("127.0.0.1", port, SUPPORT, "demo");
		Folder folder = store.getFolder("INBOX");
		folder.open(Folder.READ_ONLY);
		long start = System.nanoTime();
		Message[] all = ((UIDFolder) folder).getMessagesByUID(1, UIDFolder.MAXUID);
		// fetched as the reader does: whole mails, a hundred per command
		for (int from = 0; from < all.length; from += 100) {
			jakarta.mail.FetchProfile whole = new jakarta.mail.FetchProfile();
			whole.add(org.eclipse.angus.mail.imap.IMAPFolder.FetchProfileItem.MESSAGE);
			folder.fetch(java.util.Arrays.copyOfRange(all, from, Math.min(all.length, from + 100)), whole);
		}
		long bytes = 0;
		for (Message m : all) {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			m.writeTo(out);
			bytes += out.size();
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		folder.close(false);
		store.close();
		System.out.printf("bare IMAP fetch: %,d mails, %,d MB in %.1f s%n", all.length, bytes >> 20, seconds);
		return all.length / seconds;
	}

	/**
	 * The yardstick: the same kind of mail sent straight over SMTP, one connection each.
	 */
	static double bareSend(int port) throws Exception {
		JavaMailSenderImpl sender = new JavaMailSenderImpl();
		sender.setHost("127.0.0.1");
		sender.setPort(port);
		long start = System.nanoTime();
		java.util.List<MimeMessage> batch = new java.util.ArrayList<>();
		for (int i = 0; i < REPLIES; i++) {
			MimeMessage m = sender.createMimeMessage();
			m.setFrom(new InternetAddress(SUPPORT));
			m.setRecipients(Message.RecipientType.TO, "customer" + (i % 1000) + "@example.com");
			m.setSubject("Re: [#" + i + "] Question", "UTF-8");
			m.setText("Your withdrawal arrives tomorrow.", "UTF-8");
			batch.add(m);
			if (batch.size() == 50 || i == REPLIES - 1) {
				sender.send(batch.toArray(MimeMessage[]::new));
				batch.clear();
			}
		}
		return REPLIES / ((System.nanoTime() - start) / 1e9);
	}

	/** Agent replies on e-mail tickets, queued in their transactions, then sent. */
	static double replies(ConfigurableApplicationContext app, JdbcClient jdbc) throws Exception {
		MailOutbox outbox = app.getBean(MailOutbox.class);
		TransactionTemplate tx = app.getBean(TransactionTemplate.class);
		var support = app.getBean(com.tpwallet.walletdesk.support.SupportApi.class);
		List<java.util.UUID> tickets = jdbc.sql("SELECT id FROM ticket WHERE channel = 'email' ORDER BY number LIMIT ?")
			.param(REPLIES)
			.query(java.util.UUID.class)
			.list();
		for (java.util.UUID ticket : tickets) {
			tx.executeWithoutResult(s -> {
				String text = "Your withdrawal arrives tomorrow. Thank you for your patience.";
				long entry = support.addEntry(ticket, com.tpwallet.walletdesk.support.EntryKind.AGENT, null, text);
				outbox.reply(ticket, entry, text, null, null);
			});
		}
		while (count(jdbc, "SELECT count(*) FROM mail_outbox WHERE kind = 'reply' AND status = 'queued'") > 0) {
			Thread.sleep(100);
		}
		return rate(jdbc, "SELECT count(*), extract(epoch FROM max(sent_at) - min(created_at)) FROM mail_outbox "
				+ "WHERE kind = 'reply' AND status = 'sent'");
	}

	static long count(JdbcClient jdbc, String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}

	static double rate(JdbcClient jdbc, String sql) {
		return jdbc.sql(sql).query((rs, n) -> rs.getLong(1) / Math.max(0.001, rs.getDouble(2))).single();
	}

	static int freePort() throws Exception {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
