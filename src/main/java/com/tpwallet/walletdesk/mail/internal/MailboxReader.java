package com.tpwallet.walletdesk.mail.internal;

import com.tpwallet.walletdesk.platform.DatabaseAway;
import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;

/**
 * Reads each configured mailbox over IMAP, mail by mail in UID order from where reading
 * stopped. A mailbox that fails (server away, password changed) is retried with growing
 * pauses and shows as failing on the health endpoint and to supervisors until it reads
 * again (Chatwoot #4532: never silently stop).
 */
@Component
class MailboxReader implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(MailboxReader.class);

	private static final Duration MAX_PAUSE = Duration.ofMinutes(1);

	/** Mails fetched whole per IMAP command. */
	private static final int BATCH = 100;

	/** How long an IDLE waits before the connection is checked. */
	private static final Duration IDLE_AT_MOST = Duration.ofSeconds(10);

	private final ScheduledExecutorService watchdog = Executors
		.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("mailbox-watchdog").daemon().factory());

	/** Connections in use, closed on stop so that a waiting IDLE returns. */
	private final java.util.Set<Store> open = java.util.concurrent.ConcurrentHashMap.newKeySet();

	private final MailProperties properties;

	private final MailIntake intake;

	private final MailStore store;

	private volatile boolean running;

	private ExecutorService threads;

	MailboxReader(MailProperties properties, MailIntake intake, MailStore store) {
		this.properties = properties;
		this.intake = intake;
		this.store = store;
	}

	@Override
	public void start() {
		running = true;
		if (!properties.enabled() || properties.mailboxes().isEmpty()) {
			return;
		}
		threads = Executors.newFixedThreadPool(properties.mailboxes().size(),
				Thread.ofPlatform().name("mailbox-", 0).daemon().factory());
		properties.mailboxes().forEach(mailbox -> threads.submit(() -> keepReading(mailbox)));
	}

	@Override
	public void stop() {
		running = false;
		open.forEach(MailboxReader::close);
		watchdog.shutdownNow();
		if (threads != null) {
			threads.shutdownNow();
			try {
				threads.awaitTermination(5, TimeUnit.SECONDS);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	private void keepReading(MailProperties.Mailbox mailbox) {
		Duration pause = properties.pollInterval();
		Store imap = null;
		IMAPFolder folder = null;
		while (running && !Thread.currentThread().isInterrupted()) {
			try {
				if (imap == null || !imap.isConnected() || folder == null || !folder.isOpen()) {
					close(imap);
					imap = connect(mailbox);
					folder = (IMAPFolder) imap.getFolder(mailbox.folder());
					folder.open(Folder.READ_ONLY);
					open.add(imap);
				}
				int before = folder.getMessageCount();
				readNew(folder, mailbox);
				store.read(mailbox.name());
				pause = properties.pollInterval();
				// mail that arrived while we read was announced then, not in the IDLE to
				// come
				if (folder.getMessageCount() == before) {
					waitForMail(imap, folder);
				}
				continue;
			}
			catch (MessagingException | DataAccessException | TransactionException | IllegalStateException e) {
				if (!running) {
					break;
				}
				log.warn("Mailbox {} could not be read ({}); trying again in {} s", mailbox.name(), e.getMessage(),
						pause.toSeconds());
				try {
					store.failing(mailbox.name(), e.getClass().getSimpleName() + ": " + e.getMessage());
				}
				catch (DataAccessException databaseAway) {
					// the database is away too: the next round says so
				}
				close(imap);
				imap = null;
				folder = null;
				pause = pause.multipliedBy(2).compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : pause.multipliedBy(2);
			}
			sleep(pause);
		}
		close(imap);
	}

	/**
	 * IMAP IDLE where the server offers it: the server says when mail arrives, and a
	 * watchdog ends the wait now and then so that a dead connection is noticed. Polling
	 * otherwise.
	 */
	private void waitForMail(Store imap, IMAPFolder folder) throws MessagingException {
		if (!((org.eclipse.angus.mail.imap.IMAPStore) imap).hasCapability("IDLE")) {
			sleep(properties.pollInterval());
			return;
		}
		ScheduledFuture<?> wake = watchdog.schedule(() -> {
			try {
				folder.getMessageCount(); // any command on the folder ends the IDLE
			}
			catch (MessagingException | RuntimeException ignored) {
				// the reading thread sees the broken connection itself
			}
		}, IDLE_AT_MOST.toMillis(), TimeUnit.MILLISECONDS);
		try {
			folder.idle(true);
		}
		finally {
			wake.cancel(false);
		}
	}

	private Store connect(MailProperties.Mailbox mailbox) throws MessagingException {
		String protocol = mailbox.ssl() ? "imaps" : "imap";
		Properties javaMail = new Properties();
		javaMail.put("mail." + protocol + ".connectiontimeout", "10000");
		javaMail.put("mail." + protocol + ".timeout", "30000");
		// a whole mail in one FETCH: 16 KB pieces make large attachments crawl
		javaMail.put("mail." + protocol + ".partialfetch", "false");
		Store imap = Session.getInstance(javaMail).getStore(protocol);
		imap.connect(mailbox.host(), mailbox.port(), mailbox.username(), mailbox.password());
		return imap;
	}

	/**
	 * Every mail after the last one read, each committed with the position before the
	 * next.
	 */
	void readNew(IMAPFolder folder, MailProperties.Mailbox mailbox) throws MessagingException {
		long uidValidity = folder.getUIDValidity();
		MailStore.Position position = store.position(mailbox.name());
		if (position.uidValidity() != uidValidity) {
			store.renumbered(mailbox.name(), uidValidity);
			position = new MailStore.Position(uidValidity, 0);
		}
		Message[] found = folder.getMessagesByUID(position.lastUid() + 1, UIDFolder.MAXUID);
		FetchProfile profile = new FetchProfile();
		profile.add(UIDFolder.FetchProfileItem.UID);
		folder.fetch(found, profile);
		List<Message> fresh = new ArrayList<>();
		for (Message m : found) {
			// n:* always returns the last mail, even when it is older than n
			if (m != null && folder.getUID(m) > position.lastUid()) {
				fresh.add(m);
			}
		}
		// whole mails in batches: one FETCH per hundred, not a round trip each
		for (int from = 0; from < fresh.size(); from += BATCH) {
			List<Message> batch = fresh.subList(from, Math.min(fresh.size(), from + BATCH));
			FetchProfile whole = new FetchProfile();
			whole.add(IMAPFolder.FetchProfileItem.MESSAGE);
			folder.fetch(batch.toArray(Message[]::new), whole);
			for (Message m : batch) {
				if (!running) {
					return;
				}
				take(folder, mailbox, uidValidity, m);
			}
		}
	}

	private void take(IMAPFolder folder, MailProperties.Mailbox mailbox, long uidValidity, Message m)
			throws MessagingException {
		long uid = folder.getUID(m);
		byte[] raw = raw(m);
		try {
			intake.receive(mailbox.name(), uidValidity, uid, raw);
		}
		catch (Exception failure) {
			if (readAgainLater(failure)) {
				// nothing committed: read again when the database is back
				throw (RuntimeException) failure;
			}
			log.warn("Mail {} of mailbox {} could not be taken in; kept aside: {}", uid, mailbox.name(),
					failure.toString());
			intake.setAside(mailbox.name(), uidValidity, uid, raw, failure);
		}
	}

	/**
	 * Whether taking a mail in failed because of the database, not the mail: it is read
	 * again later, not set aside as unreadable. That includes a pool with no free
	 * connection in time on a busy day, which Spring reports as a transaction that could
	 * not be created, not as a data access failure (bench/desk set a good mail aside so).
	 */
	static boolean readAgainLater(Exception failure) {
		return failure instanceof DataAccessException
				|| failure instanceof RuntimeException && DatabaseAway.causes(failure);
	}

	private static byte[] raw(Message m) throws MessagingException {
		try {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			m.writeTo(out);
			return out.toByteArray();
		}
		catch (java.io.IOException e) {
			throw new MessagingException("Could not read the mail", e);
		}
	}

	private static void close(Store imap) {
		if (imap != null) {
			try {
				imap.close();
			}
			catch (MessagingException ignored) {
				// gone already
			}
		}
	}

	private static void sleep(Duration pause) {
		try {
			Thread.sleep(pause);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

}
