package com.tpwallet.walletdesk.mail.internal;

import com.tpwallet.walletdesk.platform.PlainText;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads a raw mail (RFC 5322 with MIME) with Jakarta Mail: the text part preferred over
 * HTML (which is reduced to sanitised plain text), quoted-printable and base64, RFC 2047
 * headers, the charsets Chinese mail really uses, files, forwarded messages, and delivery
 * reports.
 */
final class MailParser {

	private static final Session SESSION = Session.getInstance(new Properties());

	private static final Pattern FIELD = Pattern.compile("(?im)^([A-Za-z-]+):\\s*(.+)$");

	private MailParser() {
	}

	static MimeMessage mime(byte[] raw) throws MessagingException {
		return new MimeMessage(SESSION, new ByteArrayInputStream(raw));
	}

	static InboundMail parse(byte[] raw, String ourDomain) throws MessagingException, IOException {
		MimeMessage mail = mime(raw);
		Body body = new Body();
		read(mail, body);
		String text = body.plain != null ? body.plain : body.html != null ? htmlToText(body.html) : "";
		text = QuotedText.newText(PlainText.of(text));
		Set<String> answers = new LinkedHashSet<>();
		answers.addAll(MailAddresses.messageIds(mail.getHeader("In-Reply-To", " ")));
		answers.addAll(MailAddresses.messageIds(mail.getHeader("References", " ")));
		List<String> ids = MailAddresses.messageIds(mail.getHeader("Message-ID", " "));
		return new InboundMail(ids.isEmpty() ? null : ids.get(0), MailAddresses.sender(mail),
				MailAddresses.senderName(mail), subject(mail), text, List.copyOf(answers),
				AutomatedMail.reason(mail, ourDomain).orElse(null), bounce(mail, body), List.copyOf(body.files));
	}

	/**
	 * HTML reduced to its words: line breaks where blocks end, then the same sanitiser as
	 * all customer text (scripts and styles go with their content).
	 */
	static String htmlToText(String html) {
		return PlainText
			.of(html.replaceAll("(?i)<br\\s*/?>|</p\\s*>|</div\\s*>|</li\\s*>|</tr\\s*>|</h[1-6]\\s*>", "\n"))
			.replaceAll("[ \t]+\n", "\n")
			.replaceAll("\n{3,}", "\n\n");
	}

	static String subject(MimeMessage mail) throws MessagingException {
		String raw = mail.getHeader("Subject", " ");
		if (raw == null) {
			return "";
		}
		try {
			return PlainText.of(MimeUtility.decodeText(MailCharsets.widenEncodedWords(MailCharsets.rawHeader(raw))))
				.replaceAll("\\s+", " ")
				.strip();
		}
		catch (java.io.UnsupportedEncodingException e) {
			return PlainText.of(raw);
		}
	}

	/** What the parts of a mail hold, gathered while walking them. */
	private static final class Body {

		@Nullable String plain;

		@Nullable String html;

		@Nullable String deliveryStatus;

		@Nullable String returnedHeaders;

		final List<InboundMail.File> files = new ArrayList<>();

	}

	private static void read(Part part, Body body) throws MessagingException, IOException {
		String type = part.getContentType() == null ? "text/plain" : part.getContentType().toLowerCase(Locale.ROOT);
		if (part.isMimeType("multipart/*")) {
			Multipart multipart = (Multipart) part.getContent();
			for (int i = 0; i < multipart.getCount(); i++) {
				read(multipart.getBodyPart(i), body);
			}
			return;
		}
		boolean attached = Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || part.getFileName() != null;
		if (part.isMimeType("message/delivery-status") || part.isMimeType("message/global-delivery-status")) {
			body.deliveryStatus = text(part);
			return;
		}
		if (part.isMimeType("text/rfc822-headers")) {
			body.returnedHeaders = text(part);
			return;
		}
		if (part.isMimeType("message/rfc822") && !attached) {
			// a forwarded message: its text is part of what the customer sends us
			Object inner = part.getContent();
			if (inner instanceof MimeMessage forwarded) {
				if (body.returnedHeaders == null) {
					body.returnedHeaders = headersOf(forwarded);
				}
				Body nested = new Body();
				read(forwarded, nested);
				String forwardedText = nested.plain != null ? nested.plain
						: nested.html != null ? htmlToText(nested.html) : "";
				body.plain = (body.plain == null ? "" : body.plain + "\n\n")
						+ "---------- Forwarded message ----------\n" + "Subject: " + subject(forwarded) + "\n"
						+ forwardedText;
				body.files.addAll(nested.files);
			}
			return;
		}
		if (!attached && part.isMimeType("text/plain") && body.plain == null) {
			body.plain = text(part);
		}
		else if (!attached && part.isMimeType("text/html") && body.html == null) {
			body.html = text(part);
		}
		else if (!type.startsWith("text/plain") && !type.startsWith("text/html") || attached) {
			String name = part.getFileName();
			body.files.add(new InboundMail.File(name == null ? "attachment" : decodeName(name), bytes(part)));
		}
	}

	private static String decodeName(String name) {
		try {
			return MimeUtility.decodeText(MailCharsets.widenEncodedWords(name));
		}
		catch (java.io.UnsupportedEncodingException e) {
			return name;
		}
	}

	/**
	 * A text part's words, in the charset it names (widened) or the one it was written
	 * in.
	 */
	static String text(Part part) throws MessagingException, IOException {
		byte[] bytes = bytes(part);
		String charset = null;
		try {
			charset = new ContentType(part.getContentType()).getParameter("charset");
		}
		catch (MessagingException | RuntimeException unreadable) {
			// no usable Content-Type: detect below
		}
		return MailCharsets.decode(bytes, charset);
	}

	private static byte[] bytes(Part part) throws MessagingException, IOException {
		try (InputStream in = part.getInputStream()) {
			return in.readAllBytes();
		}
	}

	private static String headersOf(MimeMessage message) throws MessagingException {
		StringBuilder out = new StringBuilder();
		var headers = message.getAllHeaderLines();
		while (headers.hasMoreElements()) {
			out.append(headers.nextElement()).append('\n');
		}
		return out.toString();
	}

	/**
	 * A delivery report's failed recipient, status and diagnostic, and the message it
	 * returns.
	 */
	private static InboundMail.@Nullable Bounce bounce(MimeMessage mail, Body body) throws MessagingException {
		if (body.deliveryStatus == null) {
			return null;
		}
		String recipient = null;
		String status = "";
		String diagnostic = "";
		String action = "";
		Matcher m = FIELD.matcher(body.deliveryStatus);
		while (m.find()) {
			String name = m.group(1).toLowerCase(Locale.ROOT);
			String value = m.group(2).strip();
			switch (name) {
				case "final-recipient", "original-recipient" -> {
					if (recipient == null || name.equals("final-recipient")) {
						recipient = value.contains(";") ? value.substring(value.indexOf(';') + 1).strip() : value;
					}
				}
				case "status" -> status = value;
				case "diagnostic-code" -> diagnostic = value;
				case "action" -> action = value.toLowerCase(Locale.ROOT);
				default -> {
				}
			}
		}
		if (recipient == null || action.equals("delivered") || action.equals("relayed")) {
			return null;
		}
		String original = null;
		if (body.returnedHeaders != null) {
			Matcher id = Pattern.compile("(?im)^Message-ID:\\s*(<[^>]+>)").matcher(body.returnedHeaders);
			original = id.find() ? id.group(1) : null;
		}
		return new InboundMail.Bounce(recipient.toLowerCase(Locale.ROOT), status,
				diagnostic.length() > 400 ? diagnostic.substring(0, 400) : diagnostic, original);
	}

}
