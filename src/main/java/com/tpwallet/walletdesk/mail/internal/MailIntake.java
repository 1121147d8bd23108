package com.tpwallet.walletdesk.mail.internal;

import com.tpwallet.walletdesk.identity.CustomerProfile;
import com.tpwallet.walletdesk.identity.IdentityApi;
import com.tpwallet.walletdesk.platform.Refusal;
import com.tpwallet.walletdesk.support.EntryKind;
import com.tpwallet.walletdesk.support.SupportApi;
import com.tpwallet.walletdesk.support.TicketStatus;
import com.tpwallet.walletdesk.translation.LanguageDetection;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One received mail onto the right ticket, in one transaction with the mailbox's reading
 * position: a crash before the commit reads the mail again, and its Message-ID (or the
 * hash of its content) keeps it from being added twice.
 */
@Service
class MailIntake {

	private static final Logger log = LoggerFactory.getLogger(MailIntake.class);

	private static final Pattern TICKET_NUMBER = Pattern.compile("\\[#(\\d{1,12})]");

	enum Outcome {

		NEW_TICKET, ADDED, DUPLICATE, BOUNCE, IGNORED, ALREADY_READ

	}

	private final MailStore store;

	private final SupportApi support;

	private final IdentityApi identity;

	private final MailOutbox outbox;

	private final MailProperties properties;

	private final LanguageDetection detection;

	MailIntake(MailStore store, SupportApi support, IdentityApi identity, MailOutbox outbox, MailProperties properties,
			LanguageDetection detection) {
		this.detection = detection;
		this.store = store;
		this.support = support;
		this.identity = identity;
		this.outbox = outbox;
		this.properties = properties;
	}

	/** A mail read from a mailbox at {@code uid}; the position moves with the entry. */
	@Transactional
	public Outcome receive(String mailbox, long uidValidity, long uid, byte[] raw) throws Exception {
		MailStore.Position position = store.lockPosition(mailbox);
		if (position.uidValidity() == uidValidity && uid <= position.lastUid()) {
			return Outcome.ALREADY_READ; // another instance took it meanwhile
		}
		Outcome outcome = receive(mailbox, raw);
		store.advance(mailbox, uidValidity, uid);
		return outcome;
	}

	/**
	 * A mail that cannot be read at all is kept as it came (downloadable by staff) and
	 * passed over, so that one bad message never stops the mailbox.
	 */
	@Transactional
	public void setAside(String mailbox, long uidValidity, long uid, byte[] raw, Exception why) {
		store.lockPosition(mailbox);
		String id = "<" + hash(raw) + "@unreadable>";
		if (!store.known(id)) {
			store.message(id, "in", null, null, mailbox, null, null, "unreadable: " + why.getClass().getSimpleName(),
					raw);
		}
		store.advance(mailbox, uidValidity, uid);
	}

	Outcome receive(String mailbox, byte[] raw) throws Exception {
		InboundMail mail = MailParser.parse(raw, properties.domain());
		String messageId = mail.messageId() != null ? mail.messageId() : "<" + hash(raw) + "@content-hash>";
		if (store.known(messageId)) {
			return Outcome.DUPLICATE;
		}
		if (mail.bounce() != null) {
			bounced(mailbox, mail, messageId, raw);
			return Outcome.BOUNCE;
		}
		if (mail.sender() == null || MailAddresses.isOurs(messageId, properties.domain())
				|| mail.sender().equalsIgnoreCase(properties.address())) {
			// our own mail come back, or no one to answer: kept, never a ticket
			store.message(messageId, "in", null, null, mailbox, mail.sender(), mail.subject(),
					mail.automated() != null ? mail.automated() : "no-sender-or-ours", raw);
			return Outcome.IGNORED;
		}
		Requester requester = requester(mail.sender(), mail.senderName());
		Optional<UUID> thread = thread(mail, requester);
		String text = mail.text().isBlank() ? "(" + mail.subject() + ")" : mail.text();
		UUID ticketId;
		long entryId;
		Outcome outcome;
		if (thread.isPresent()) {
			ticketId = thread.get();
			entryId = support.addEntry(ticketId, EntryKind.CUSTOMER, requester.authorId(), text);
			outcome = Outcome.ADDED;
		}
		else {
			String subject = mail.subject().isBlank() ? "(no subject)" : mail.subject();
			// a contact's language is the mail's: the ticket goes to the queue that reads
			// it
			String language = requester.language() != null ? requester.language()
					: detection.detect(subject + "\n" + text).orElse("en");
			SupportApi.NewTicket opening = new SupportApi.NewTicket(subject, text, language, null, "email", null);
			SupportApi.OpenedTicket opened = requester.customerId() != null
					? support.openTicket(requester.customerId(), opening)
					: support.openTicketForContact(requester.contactId(), opening);
			ticketId = opened.id();
			entryId = 0;
			outcome = Outcome.NEW_TICKET;
		}
		store.message(messageId, "in", ticketId, entryId == 0 ? null : entryId, mailbox, mail.sender(), mail.subject(),
				mail.automated(), raw);
		for (InboundMail.File file : mail.attachments()) {
			attach(ticketId, file);
		}
		if (outcome == Outcome.NEW_TICKET && mail.automated() == null) {
			outbox.acknowledge(ticketId, mail.sender(), messageId);
		}
		return outcome;
	}

	/** A file refused by the desk's checks leaves a note on the ticket instead. */
	private void attach(UUID ticketId, InboundMail.File file) {
		try {
			support.attachFromRequester(ticketId, file.name(), file.bytes());
		}
		catch (Refusal refused) {
			support.addEntry(ticketId, EntryKind.SYSTEM, null,
					"attachment_refused:" + file.name() + ":" + refused.code());
		}
	}

	/**
	 * The ticket a mail belongs to: the one any of the Message-IDs it answers belongs to;
	 * else the one its subject names, but only for a sender who already takes part in it
	 * (Zammad #2444); else none, and a new ticket opens.
	 */
	private Optional<UUID> thread(InboundMail mail, Requester requester) {
		Optional<UUID> byReference = store.ticketOf(mail.answers());
		if (byReference.isPresent()) {
			return byReference;
		}
		Matcher number = TICKET_NUMBER.matcher(mail.subject());
		if (!number.find()) {
			return Optional.empty();
		}
		return support.ticketByNumber(Long.parseLong(number.group(1)))
			.filter(t -> t.status() != TicketStatus.CLOSED)
			.filter(t -> requester.customerId() != null && requester.customerId().equals(t.customerId())
					|| requester.contactId() != null && requester.contactId().equals(t.contactId())
					|| store.tookPart(t.id(), mail.sender()))
			.map(SupportApi.TicketFacts::id);
	}

	/** Who wrote: the customer who signs in with this address, else an e-mail contact. */
	private record Requester(@Nullable UUID customerId, @Nullable UUID contactId, @Nullable String language) {

		UUID authorId() {
			return customerId != null ? customerId : java.util.Objects.requireNonNull(contactId);
		}
	}

	private Requester requester(String address, @Nullable String name) {
		Optional<CustomerProfile> customer = identity.customerByLogin(address);
		if (customer.isPresent()) {
			return new Requester(customer.get().id(), null, customer.get().language());
		}
		MailStore.Contact contact = store.contact(address, name);
		if (contact.customerId() != null) {
			return new Requester(contact.customerId(), null,
					identity.customer(contact.customerId()).map(CustomerProfile::language).orElse(null));
		}
		return new Requester(null, contact.id(), null);
	}

	/**
	 * A report that our mail could not be delivered: the address is marked bouncing and
	 * the ticket says so; a bounce never opens a ticket.
	 */
	private void bounced(String mailbox, InboundMail mail, String messageId, byte[] raw) {
		InboundMail.Bounce bounce = java.util.Objects.requireNonNull(mail.bounce());
		store.bouncing(bounce.recipient(), bounce.status() + " " + bounce.diagnostic());
		Optional<UUID> ticket = bounce.originalMessageId() == null ? Optional.empty()
				: store.ticketOf(java.util.List.of(bounce.originalMessageId()));
		ticket.ifPresent(id -> support.addEntry(id, EntryKind.SYSTEM, null,
				"mail_bounced:" + bounce.recipient() + ":" + bounce.status()));
		store.message(messageId, "in", ticket.orElse(null), null, mailbox, mail.sender(), mail.subject(), "bounce",
				raw);
		log.info("A delivery report: mail to a customer address bounced with status {}", bounce.status());
	}

	static String hash(byte[] raw) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

}
