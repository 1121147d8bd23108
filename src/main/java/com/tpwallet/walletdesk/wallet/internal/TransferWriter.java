package com.tpwallet.walletdesk.wallet.internal;

import com.tpwallet.walletdesk.identity.CustomerProfile;
import com.tpwallet.walletdesk.identity.IdentityApi;
import com.tpwallet.walletdesk.platform.Refusal;
import com.tpwallet.walletdesk.wallet.BusinessCalendar;
import com.tpwallet.walletdesk.wallet.Money;
import com.tpwallet.walletdesk.wallet.TransactionView;
import com.tpwallet.walletdesk.wallet.WalletEvents.TransactionPosted;
import com.tpwallet.walletdesk.wallet.internal.TransactionRecords.NewTransaction;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Transfers are written in batches: whatever requests are waiting are taken together and settled in one
 * database transaction with a fixed number of statements, however many there are. Each transfer is still
 * judged on its own, in arrival order, against balances locked for the batch (in account-id order, so
 * batches and single postings never deadlock); a refused one is recorded with its reason and does not
 * hold the others back. The idempotency key is claimed in the same transaction as the money moves.
 * One writer per instance by default: measured, bigger batches beat more of them (bench/README.md).
 */
@Component
class TransferWriter implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(TransferWriter.class);
	static final int MAX_BATCH = 256;

	record Command(UUID sender, String to, Money money, @Nullable String note, String key, String hash,
			CompletableFuture<IdempotentRequests.Answer> result) {
	}

	private final BlockingQueue<Command> queue = new LinkedBlockingQueue<>(20_000);
	private final List<Thread> writers = new ArrayList<>();
	private volatile boolean running;

	private final JdbcClient jdbc;
	private final TransactionTemplate transactions;
	private final IdentityApi identity;
	private final TransactionRecords records;
	private final IdempotentRequests idempotent;
	private final ApplicationEventPublisher events;
	private final JsonMapper json;
	private final Clock clock;
	private final long dailyLimit;
	private final int threads;

	TransferWriter(JdbcClient jdbc, TransactionTemplate transactions, IdentityApi identity, TransactionRecords records,
			IdempotentRequests idempotent, ApplicationEventPublisher events, JsonMapper json, Clock clock,
			@Value("${walletdesk.wallet.daily-limit:5000000}") long dailyLimit,
			@Value("${walletdesk.wallet.transfer-writers:1}") int threads) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.identity = identity;
		this.records = records;
		this.idempotent = idempotent;
		this.events = events;
		this.json = json;
		this.clock = clock;
		this.dailyLimit = dailyLimit;
		this.threads = threads;
	}

	/** Queues a transfer whose payment password was already checked; waits for the batch that settles it. */
	IdempotentRequests.Answer submit(UUID sender, String to, Money money, @Nullable String note, String key, String hash) {
		Command command = new Command(sender, to, money, note, key, hash, new CompletableFuture<>());
		if (!queue.offer(command)) {
			throw new Refusal(org.springframework.http.HttpStatus.SERVICE_UNAVAILABLE, "wallet_busy");
		}
		try {
			return command.result().get(30, TimeUnit.SECONDS);
		}
		catch (ExecutionException e) {
			if (e.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new IllegalStateException(e.getCause());
		}
		catch (TimeoutException e) {
			throw new IllegalStateException("A transfer was not settled within 30 s", e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private void loop() {
		while (running || !queue.isEmpty()) {
			try {
				Command first = queue.poll(100, TimeUnit.MILLISECONDS);
				if (first == null) {
					continue;
				}
				List<Command> batch = new ArrayList<>(List.of(first));
				queue.drainTo(batch, MAX_BATCH - 1);
				settle(batch);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	private void settle(List<Command> batch) {
		for (int attempt = 1;; attempt++) {
			try {
				Map<Command, Object> outcomes = transactions.execute(tx -> write(batch));
				outcomes.forEach((command, outcome) -> {
					if (outcome instanceof Refusal refusal) {
						command.result().completeExceptionally(refusal);
					}
					else {
						command.result().complete((IdempotentRequests.Answer) outcome);
					}
				});
				replayUnclaimed(batch);
				return;
			}
			catch (PessimisticLockingFailureException e) {
				if (attempt == 3) {
					batch.forEach(c -> c.result().completeExceptionally(e));
					return;
				}
			}
			catch (RuntimeException e) {
				log.error("A transfer batch failed", e);
				batch.forEach(c -> c.result().completeExceptionally(e));
				return;
			}
		}
	}

	/** Requests whose key was claimed earlier (a replay, or a duplicate in this batch) get the stored answer. */
	private void replayUnclaimed(List<Command> batch) {
		for (Command c : batch) {
			if (!c.result().isDone()) {
				try {
					c.result().complete(idempotent.replayStored(c.sender(), c.key(), c.hash()));
				}
				catch (RuntimeException e) {
					c.result().completeExceptionally(e);
				}
			}
		}
	}

	private record Account(long id, UUID customer, String currency) {
	}

	private Map<Command, Object> write(List<Command> batch) {
		Timestamp now = Timestamp.from(clock.instant());
		LocalDate today = LocalDate.now(clock.withZone(BusinessCalendar.ZONE));
		// 1. Claim the idempotency keys; a key already there belongs to an earlier (or a duplicate) request.
		Set<String> claimed = new HashSet<>(jdbc.sql("""
				INSERT INTO idempotency_record (customer_id, key, request_hash, created_at)
				SELECT c, k, h, ? FROM unnest(?::uuid[], ?::varchar[], ?::varchar[]) AS t(c, k, h)
				ON CONFLICT DO NOTHING RETURNING customer_id::text || '|' || key""")
				.params(now, batch.stream().map(Command::sender).toArray(UUID[]::new),
						batch.stream().map(Command::key).toArray(String[]::new), batch.stream().map(Command::hash).toArray(String[]::new))
				.query(String.class).list());
		List<Command> work = new ArrayList<>();
		for (Command c : batch) {
			if (claimed.remove(c.sender() + "|" + c.key())) {
				work.add(c);
			}
		}
		Map<Command, Object> outcomes = new HashMap<>();
		if (work.isEmpty()) {
			return outcomes;
		}
		// 2. Who is who.
		Map<String, CustomerProfile> recipients = identity.customersByLogin(work.stream().map(Command::to).toList());
		Map<UUID, CustomerProfile> senders = identity.customers(work.stream().map(Command::sender).toList());
		// 3. Every account involved exists, then is locked in id order with its balance.
		Set<Account> wanted = new LinkedHashSet<>();
		for (Command c : work) {
			wanted.add(new Account(0, c.sender(), c.money().currency()));
			CustomerProfile r = recipients.get(c.to());
			if (r != null) {
				wanted.add(new Account(0, r.id(), c.money().currency()));
			}
		}
		UUID[] owners = wanted.stream().map(Account::customer).toArray(UUID[]::new);
		String[] currencies = wanted.stream().map(Account::currency).toArray(String[]::new);
		jdbc.sql("""
				INSERT INTO ledger_account (customer_id, kind, currency)
				SELECT c, 'CUSTOMER_AVAILABLE', cur FROM unnest(?::uuid[], ?::varchar[]) AS p(c, cur)
				ON CONFLICT (customer_id, kind, currency) WHERE customer_id IS NOT NULL DO NOTHING""")
				.params(owners, currencies).update();
		Map<String, long[]> accounts = new HashMap<>(); // "customer|currency" -> {id, balance}
		jdbc.sql("""
				SELECT a.id, a.customer_id, a.currency, a.balance FROM ledger_account a
				JOIN unnest(?::uuid[], ?::varchar[]) AS p(c, cur) ON a.customer_id = p.c AND a.currency = p.cur
				WHERE a.kind = 'CUSTOMER_AVAILABLE' ORDER BY a.id FOR UPDATE OF a""")
				.params(owners, currencies)
				.query(rs -> {
					accounts.put(rs.getObject("customer_id", UUID.class) + "|" + rs.getString("currency"),
							new long[] { rs.getLong("id"), rs.getLong("balance") });
				});
		Set<UUID> frozen = new HashSet<>(jdbc.sql("SELECT customer_id FROM wallet_freeze WHERE customer_id = ANY(?)")
				.param(work.stream().map(Command::sender).distinct().toArray(UUID[]::new)).query(UUID.class).list());
		Map<String, Long> spent = new HashMap<>();
		jdbc.sql("SELECT customer_id, currency, amount FROM daily_spend WHERE day = ? AND customer_id = ANY(?)")
				.params(today, work.stream().map(Command::sender).distinct().toArray(UUID[]::new))
				.query(rs -> {
					spent.put(rs.getObject("customer_id", UUID.class) + "|" + rs.getString("currency"), rs.getLong("amount"));
				});
		Map<Long, Long> opening = new HashMap<>();
		accounts.values().forEach(a -> opening.put(a[0], a[1]));
		// 4. Judge each transfer in arrival order against the running balances.
		List<NewTransaction> rows = new ArrayList<>();
		List<long[]> entries = new ArrayList<>(); // posting index, account, amount
		List<UUID> postingTransactions = new ArrayList<>();
		List<String> postingCurrencies = new ArrayList<>();
		Map<Command, NewTransaction> done = new HashMap<>();
		Set<String> spentChanged = new HashSet<>();
		for (Command c : work) {
			String currency = c.money().currency();
			long amount = c.money().amount();
			CustomerProfile recipient = recipients.get(c.to());
			String refusal = recipient == null ? "recipient_unknown"
					: recipient.id().equals(c.sender()) ? "recipient_is_self"
					: frozen.contains(c.sender()) ? "wallet_frozen"
					: accounts.get(c.sender() + "|" + currency)[1] < amount ? "insufficient_balance"
					: spent.getOrDefault(c.sender() + "|" + currency, 0L) + amount > dailyLimit ? "limit_exceeded" : null;
			if (refusal != null) {
				Refusal r = refusal.equals("limit_exceeded") ? Refusal.unprocessable(refusal, String.valueOf(dailyLimit / 100))
						: Refusal.unprocessable(refusal);
				outcomes.put(c, r);
				rows.add(NewTransaction.of(c.sender(), "transfer_out", "requested", amount, currency)
						.counterparty(MoneyMovements.mask(c.to()), null).failed(refusal));
				continue;
			}
			long[] from = accounts.get(c.sender() + "|" + currency);
			long[] to = accounts.get(recipient.id() + "|" + currency);
			from[1] -= amount;
			to[1] += amount;
			spent.merge(c.sender() + "|" + currency, amount, Long::sum);
			spentChanged.add(c.sender() + "|" + currency);
			CustomerProfile sender = senders.get(c.sender());
			NewTransaction out = NewTransaction.of(c.sender(), "transfer_out", "succeeded", amount, currency)
					.counterparty(MoneyMovements.display(recipient), recipient.id()).note(c.note());
			NewTransaction in = NewTransaction.of(recipient.id(), "transfer_in", "succeeded", amount, currency)
					.counterparty(MoneyMovements.display(sender), c.sender()).note(c.note()).related(out.id());
			rows.add(out);
			rows.add(in);
			done.put(c, out);
			int posting = postingTransactions.size();
			postingTransactions.add(out.id());
			postingCurrencies.add(currency);
			entries.add(new long[] { posting, from[0], -amount });
			entries.add(new long[] { posting, to[0], amount });
		}
		// 5. Write it all: balances, postings and entries, records and their timeline, daily totals, answers.
		List<long[]> changed = accounts.values().stream().filter(a -> a[1] != opening.get(a[0]))
				.sorted(Comparator.comparingLong(a -> a[0])).toList();
		if (!changed.isEmpty()) {
			jdbc.sql("UPDATE ledger_account a SET balance = d.b FROM unnest(?::bigint[], ?::bigint[]) AS d(id, b) WHERE a.id = d.id")
					.params(changed.stream().map(a -> a[0]).toArray(Long[]::new), changed.stream().map(a -> a[1]).toArray(Long[]::new))
					.update();
		}
		if (!postingTransactions.isEmpty()) {
			UUID[] postingIds = postingTransactions.stream().map(t -> UUID.randomUUID()).toArray(UUID[]::new);
			jdbc.sql("""
					WITH p AS (
					  INSERT INTO posting (id, transaction_id, kind, currency, created_at)
					  SELECT pid, tid, 'transfer', cur, ? FROM unnest(?::uuid[], ?::uuid[], ?::varchar[]) AS t(pid, tid, cur))
					INSERT INTO posting_entry (posting_id, account_id, amount) SELECT * FROM unnest(?::uuid[], ?::bigint[], ?::bigint[])""")
					.params(now, postingIds, postingTransactions.toArray(UUID[]::new),
							postingCurrencies.toArray(String[]::new),
							entries.stream().map(e -> postingIds[(int) e[0]]).toArray(UUID[]::new),
							entries.stream().map(e -> e[1]).toArray(Long[]::new), entries.stream().map(e -> e[2]).toArray(Long[]::new))
					.update();
		}
		Map<UUID, TransactionView> views = new HashMap<>();
		records.insert(rows).forEach(v -> views.put(v.id(), v));
		if (!spentChanged.isEmpty()) {
			List<String> keys = spentChanged.stream().sorted().toList();
			jdbc.sql("""
					INSERT INTO daily_spend (customer_id, currency, day, amount)
					SELECT c, cur, ?, a FROM unnest(?::uuid[], ?::varchar[], ?::bigint[]) AS t(c, cur, a)
					ON CONFLICT (customer_id, currency, day) DO UPDATE SET amount = excluded.amount""")
					.params(today, keys.stream().map(k -> UUID.fromString(k.split("\\|")[0])).toArray(UUID[]::new),
							keys.stream().map(k -> k.split("\\|")[1]).toArray(String[]::new), keys.stream().map(spent::get).toArray(Long[]::new))
					.update();
		}
		List<Object[]> answers = new ArrayList<>();
		for (Command c : work) {
			Object outcome = outcomes.get(c);
			if (outcome instanceof Refusal r) {
				answers.add(new Object[] { c.sender(), c.key(), r.status().value(), r.code() });
			}
			else {
				NewTransaction out = done.get(c);
				IdempotentRequests.Answer answer = new IdempotentRequests.Answer(201, json.writeValueAsString(views.get(out.id())));
				outcomes.put(c, answer);
				answers.add(new Object[] { c.sender(), c.key(), 201, answer.body() });
				events.publishEvent(new TransactionPosted(out.id(), c.sender(), "transfer_out", out.amount(), out.currency()));
				rows.stream().filter(r -> out.id().equals(r.relatedId())).findFirst().ifPresent(in -> events.publishEvent(
						new TransactionPosted(in.id(), in.customerId(), "transfer_in", in.amount(), in.currency())));
			}
		}
		jdbc.sql("""
				UPDATE idempotency_record i SET status_code = d.s, response = d.r
				FROM unnest(?::uuid[], ?::varchar[], ?::int[], ?::text[]) AS d(c, k, s, r) WHERE i.customer_id = d.c AND i.key = d.k""")
				.params(answers.stream().map(a -> a[0]).toArray(UUID[]::new), answers.stream().map(a -> a[1]).toArray(String[]::new),
						answers.stream().map(a -> a[2]).toArray(Integer[]::new), answers.stream().map(a -> a[3]).toArray(String[]::new))
				.update();
		return outcomes;
	}

	@Override
	public void start() {
		running = true;
		for (int i = 0; i < threads; i++) {
			Thread t = Thread.ofPlatform().name("transfer-writer-" + i).daemon().start(this::loop);
			writers.add(t);
		}
	}

	@Override
	public void stop() {
		running = false;
		for (Thread t : writers) {
			try {
				t.join(5_000);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
		writers.clear();
	}

	@Override
	public boolean isRunning() {
		return running;
	}
}
