package com.tpwallet.walletdesk.wallet.internal;

import com.tpwallet.walletdesk.wallet.TransactionStatus;
import com.tpwallet.walletdesk.wallet.TransactionType;
import com.tpwallet.walletdesk.identity.CustomerProfile;
import com.tpwallet.walletdesk.identity.IdentityApi;
import com.tpwallet.walletdesk.platform.Refusal;
import com.tpwallet.walletdesk.wallet.BusinessCalendar;
import com.tpwallet.walletdesk.wallet.Money;
import com.tpwallet.walletdesk.wallet.OutgoingScreening;
import com.tpwallet.walletdesk.wallet.TransactionView;
import com.tpwallet.walletdesk.wallet.WalletEvents.TransactionPosted;
import com.tpwallet.walletdesk.wallet.internal.TransactionRecords.NewTransaction;
import com.tpwallet.walletdesk.wallet.internal.TransferWriter.Command;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The database side of a transfer batch, in two steps. {@link #prepare} makes the reads
 * that need no lock (keys already used, who is who, which accounts, opening missing
 * ones); {@link #settle} then runs in the batch's transaction: it locks the accounts,
 * judges each transfer in arrival order against the running balances, and writes the
 * whole batch in one statement. Every statement reaches rows through an index whatever
 * plan PostgreSQL caches for it (LATERAL ... LIMIT 1, id = ANY): a cached generic plan
 * that joined a batch's arrays to a whole table by hash was measured scanning
 * idempotency_record on every batch.
 */
@Component
class TransferBatches {

	/**
	 * A batch after its lock-free reads; {@code used} holds "customer|key" of requests to
	 * replay, not run.
	 */
	record Prepared(List<Command> batch, Set<SenderKey> used, Map<String, CustomerProfile> recipients,
			Map<UUID, CustomerProfile> senders, Map<Slot, Long> accountIds) {

		Prepared merge(Prepared other) {
			List<Command> all = new ArrayList<>(batch);
			all.addAll(other.batch);
			Set<SenderKey> allUsed = new HashSet<>(used);
			allUsed.addAll(other.used);
			Map<String, CustomerProfile> allRecipients = new HashMap<>(recipients);
			allRecipients.putAll(other.recipients);
			Map<UUID, CustomerProfile> allSenders = new HashMap<>(senders);
			allSenders.putAll(other.senders);
			Map<Slot, Long> allIds = new HashMap<>(accountIds);
			allIds.putAll(other.accountIds);
			return new Prepared(all, allUsed, allRecipients, allSenders, allIds);
		}

		/**
		 * The requests to run: key not used before, and the first with its key in the
		 * batch.
		 */
		List<Command> work() {
			Set<SenderKey> seen = new HashSet<>(used);
			return batch.stream().filter(c -> seen.add(key(c))).toList();
		}
	}

	/**
	 * A request's key was stored by a concurrent request after the batch looked: the
	 * batch runs again and replays it.
	 */
	static final class KeyClaimedMeanwhile extends RuntimeException {

		KeyClaimedMeanwhile() {
			super("An idempotency key was claimed by a concurrent request", null, false, false);
		}

	}

	private final JdbcClient jdbc;

	private final IdentityApi identity;

	private final TransactionRecords records;

	private final ApplicationEventPublisher events;

	private final JsonMapper json;

	private final Clock clock;

	private final DailySpendingLimit limit;

	private final OutgoingMoneyPolicy policy;

	private final ScreeningGate screening;

	TransferBatches(JdbcClient jdbc, IdentityApi identity, TransactionRecords records, ApplicationEventPublisher events,
			JsonMapper json, Clock clock, DailySpendingLimit limit, OutgoingMoneyPolicy policy,
			ScreeningGate screening) {
		this.policy = policy;
		this.screening = screening;
		this.jdbc = jdbc;
		this.identity = identity;
		this.records = records;
		this.events = events;
		this.json = json;
		this.clock = clock;
		this.limit = limit;
	}

	/** A request's idempotency key, which is the sender's own. */
	record SenderKey(UUID sender, String key) {
	}

	/** A customer's available account in one currency. */
	record Slot(UUID customer, String currency) {
	}

	/** What became of one request of a batch. */
	sealed interface Outcome permits Settled, Refused {

	}

	/** Posted; the answer stored under the key. */
	record Settled(IdempotentRequests.Answer answer) implements Outcome {
	}

	/**
	 * Refused for a reason the customer is told; the refusal is stored under the key too.
	 */
	record Refused(Refusal refusal) implements Outcome {
	}

	private static SenderKey key(Command c) {
		return new SenderKey(c.sender(), c.key());
	}

	private static Slot slot(UUID customer, String currency) {
		return new Slot(customer, currency);
	}

	// ---- step 1: reads that need no lock (in a transaction of their own)
	// ---------------------------

	Prepared prepare(List<Command> batch) {
		planOnce();
		Set<SenderKey> used = usedKeys(batch);
		List<Command> fresh = batch.stream().filter(c -> !used.contains(key(c))).toList();
		if (fresh.isEmpty()) {
			return new Prepared(batch, used, Map.of(), Map.of(), Map.of());
		}
		Map<String, CustomerProfile> recipients = identity
			.customersByLogin(fresh.stream().map(Command::to).distinct().toList());
		Map<UUID, CustomerProfile> senders = identity
			.customers(fresh.stream().map(Command::sender).distinct().toList());
		Set<Slot> slots = new LinkedHashSet<>();
		for (Command c : fresh) {
			slots.add(slot(c.sender(), c.money().currency()));
			CustomerProfile r = recipients.get(c.to());
			if (r != null) {
				slots.add(slot(r.id(), c.money().currency()));
			}
		}
		return new Prepared(batch, used, recipients, senders, openAccounts(slots));
	}

	/**
	 * Runs the rest of the transaction's statements on the plans PostgreSQL made for them
	 * once. Each statement takes the batch as arrays: a custom plan knows how many
	 * elements they hold, a generic one guesses a hundred, so for batches of a few
	 * PostgreSQL went on planning the reads afresh on every call. {@code STATEMENTS=true
	 * bench/run} measured that planning at about the cost of running them: 0.07 ms of
	 * PostgreSQL's CPU per transfer, a third of it the risk read on the settler's chain.
	 * The generic plans run as fast, since every statement here reaches its rows through
	 * an index whatever the plan.
	 */
	private void planOnce() {
		jdbc.sql("SET LOCAL plan_cache_mode = force_generic_plan").update();
	}

	/** Checks the keys again, after a concurrent request claimed one of them. */
	Prepared recheck(Prepared prepared) {
		return new Prepared(prepared.batch(), usedKeys(prepared.batch()), prepared.recipients(), prepared.senders(),
				prepared.accountIds());
	}

	private Set<SenderKey> usedKeys(List<Command> batch) {
		return new HashSet<>(jdbc
			.sql("""
					SELECT t.c, t.k FROM unnest(?::uuid[], ?::varchar[]) AS t(c, k),
					  LATERAL (SELECT FROM idempotency_record i WHERE i.customer_id = t.c AND i.key = t.k LIMIT 1) AS used""")
			.params(batch.stream().map(Command::sender).toArray(UUID[]::new),
					batch.stream().map(Command::key).toArray(String[]::new))
			.query((rs, n) -> new SenderKey(rs.getObject("c", UUID.class), rs.getString("k")))
			.list());
	}

	/**
	 * The id of each slot's available account, opening those that do not exist yet (a
	 * recipient's first CNY).
	 */
	private Map<Slot, Long> openAccounts(Set<Slot> slots) {
		UUID[] owners = slots.stream().map(Slot::customer).toArray(UUID[]::new);
		String[] currencies = slots.stream().map(Slot::currency).toArray(String[]::new);
		Map<Slot, Long> ids = accountIds(owners, currencies);
		if (ids.size() < slots.size()) {
			jdbc.sql("""
					INSERT INTO ledger_account (customer_id, kind, currency)
					SELECT c, 'CUSTOMER_AVAILABLE', cur FROM unnest(?::uuid[], ?::varchar[]) AS p(c, cur)
					ON CONFLICT (customer_id, kind, currency) WHERE customer_id IS NOT NULL DO NOTHING""")
				.params(owners, currencies)
				.update();
			ids = accountIds(owners, currencies);
		}
		return ids;
	}

	private Map<Slot, Long> accountIds(UUID[] owners, String[] currencies) {
		Map<Slot, Long> ids = new HashMap<>();
		jdbc.sql("""
				SELECT a.id, p.c, p.cur FROM unnest(?::uuid[], ?::varchar[]) AS p(c, cur),
				  LATERAL (SELECT id FROM ledger_account a
				    WHERE a.customer_id = p.c AND a.kind = 'CUSTOMER_AVAILABLE' AND a.currency = p.cur LIMIT 1) AS a""")
			.params(owners, currencies)
			.query(rs -> {
				ids.put(slot(rs.getObject("c", UUID.class), rs.getString("cur")), rs.getLong("id"));
			});
		return ids;
	}

	// ---- step 2: in the batch's transaction
	// ----------------------------------------------------

	/**
	 * Settles the batch's requests in the current transaction and returns each one's
	 * outcome: an answer, or the refusal it was given (stored too). Requests not in the
	 * map are replays.
	 */
	Map<Command, Outcome> settle(Prepared prepared) {
		Instant now = clock.instant();
		LocalDate today = LocalDate.ofInstant(now, BusinessCalendar.ZONE);
		Map<Command, Outcome> outcomes = new HashMap<>();
		List<Command> work = prepared.work();
		if (work.isEmpty()) {
			return outcomes;
		}
		planOnce();
		Map<String, CustomerProfile> recipients = prepared.recipients();
		Map<UUID, CustomerProfile> senders = prepared.senders();
		Map<UUID, Long> spentInFen = new HashMap<>();
		Map<Slot, Account> accounts = lock(prepared.accountIds(), senders.keySet(), today, spentInFen);
		ScreeningGate.Gate screened = screening.open(work.stream()
			.filter(c -> recipients.get(c.to()) != null)
			.map(c -> new OutgoingScreening.Party(c.sender(), recipients.get(c.to()).id().toString()))
			.toList());

		// Each transfer is judged in arrival order against the running balances and daily
		// totals.
		List<NewTransaction> rows = new ArrayList<>();
		Postings postings = new Postings();
		Map<Command, NewTransaction> done = new HashMap<>();
		for (Command c : work) {
			String currency = c.money().currency();
			long amount = c.money().amount();
			CustomerProfile recipient = recipients.get(c.to());
			Account from = accounts.get(slot(c.sender(), currency));
			Refusal refusal = refusal(c, recipient, from, spentInFen.getOrDefault(c.sender(), 0L));
			NewTransaction out = null;
			if (refusal == null) {
				out = NewTransaction
					.of(c.sender(), TransactionType.TRANSFER_OUT, TransactionStatus.SUCCEEDED, amount, currency)
					.counterparty(CounterpartyLabel.of(recipient), recipient.id())
					.note(c.note());
				refusal = screened
					.judge(out.id(), c.sender(), TransactionType.TRANSFER_OUT, c.money(), recipient.id().toString(),
							from.balance, c.stepUpPassed())
					.orElse(null);
				if (refusal != null && refusal.code().equals(SpendingRefusal.WALLET_FROZEN.code())) {
					from.frozen = true; // the sender's later transfers in this batch stop
										// too
				}
			}
			if (refusal != null) {
				outcomes.put(c, new Refused(refusal));
				rows.add(NewTransaction
					.of(c.sender(), TransactionType.TRANSFER_OUT, TransactionStatus.FAILED, amount, currency)
					.counterparty(CounterpartyLabel.login(c.to()), null)
					.failed(refusal.code()));
				continue;
			}
			Account to = accounts.get(slot(recipient.id(), currency));
			from.balance = Math.subtractExact(from.balance, amount);
			from.spentToday = Money.sum(from.spentToday, amount);
			spentInFen.merge(c.sender(), policy.spentInFen(c.money()), Math::addExact);
			to.balance = Money.sum(to.balance, amount);
			NewTransaction in = NewTransaction
				.of(recipient.id(), TransactionType.TRANSFER_IN, TransactionStatus.SUCCEEDED, amount, currency)
				.counterparty(CounterpartyLabel.of(senders.get(c.sender())), c.sender())
				.note(c.note())
				.related(out.id());
			rows.add(out);
			rows.add(in);
			done.put(c, out);
			postings.add(out.id(), currency, from.id, to.id, amount);
		}
		screened.close();
		TransactionRecords.Insert records = this.records.insertStatement(rows);
		Map<UUID, TransactionView> views = new HashMap<>();
		records.views().forEach(v -> views.put(v.id(), v));
		Answers answers = new Answers();
		for (Command c : work) {
			if (outcomes.get(c) instanceof Refused(Refusal r)) {
				answers.add(c, IdempotentRequests.statusOf(r), r.code());
				continue;
			}
			NewTransaction out = done.get(c);
			IdempotentRequests.Answer answer = new IdempotentRequests.Answer(201,
					json.writeValueAsString(views.get(out.id())));
			outcomes.put(c, new Settled(answer));
			answers.add(c, 201, answer.body());
		}
		writeAll(now, today, accounts.values(), postings, records, answers);
		for (NewTransaction row : rows) {
			if (row.status() != TransactionStatus.FAILED) {
				events.publishEvent(new TransactionPosted(row.id(), row.customerId(), row.type(),
						new Money(row.amount(), row.currency()), row.counterpartyId()));
			}
		}
		return outcomes;
	}

	/**
	 * Why a transfer is refused, judged against the sender's running balance and total;
	 * null when it is not.
	 */
	private @Nullable Refusal refusal(Command c, @Nullable CustomerProfile recipient, Account from,
			long senderSpentInFen) {
		if (recipient == null) {
			return policy.refusal(SpendingRefusal.RECIPIENT_UNKNOWN);
		}
		if (recipient.id().equals(c.sender())) {
			return policy.refusal(SpendingRefusal.RECIPIENT_IS_SELF);
		}
		return policy.judge(new OutgoingMoneyPolicy.Wallet(from.frozen, from.balance, senderSpentInFen), c.money())
			.map(policy::refusal)
			.orElse(null);
	}

	/**
	 * Locks the accounts in id order (so batches and single postings never deadlock),
	 * with every sender's available accounts in the other currencies too (the daily limit
	 * counts them all), and reads their balances and today's totals as they are once
	 * locked; each sender's total for the day goes into {@code spentInFen}. A freeze is
	 * read from the same statement's snapshot: one committed while the batch waited for a
	 * lock takes effect from the next batch.
	 */
	private Map<Slot, Account> lock(Map<Slot, Long> accountIds, java.util.Set<UUID> senders, LocalDate today,
			Map<UUID, Long> spentInFen) {
		Map<Long, Slot> slots = new HashMap<>();
		accountIds.forEach((slot, id) -> slots.put(id, slot));
		Map<Slot, Account> accounts = new HashMap<>();
		UUID[] senderIds = senders.toArray(UUID[]::new);
		jdbc.sql("""
				SELECT a.id, a.customer_id, a.currency, a.balance, %s AS spent,
				  EXISTS (SELECT FROM wallet_freeze f WHERE f.customer_id = a.customer_id) AS frozen
				FROM ledger_account a
				WHERE a.id = ANY(?) OR (a.customer_id = ANY(?) AND a.kind = 'CUSTOMER_AVAILABLE')
				ORDER BY a.id FOR UPDATE OF a""".formatted(Ledger.SPENT_ON_DAY))
			.params(today, slots.keySet().toArray(Long[]::new), senderIds)
			.query(rs -> {
				long id = rs.getLong("id");
				long spent = rs.getLong("spent");
				UUID owner = rs.getObject("customer_id", UUID.class);
				if (owner != null && senders.contains(owner)) {
					spentInFen.merge(owner, limit.inFen(spent, rs.getString("currency")), Math::addExact);
				}
				if (slots.containsKey(id)) {
					Account a = new Account(id, rs.getLong("balance"), spent, rs.getBoolean("frozen"));
					accounts.put(slots.get(id), a);
				}
			});
		return accounts;
	}

	/**
	 * A customer's available balance in one currency, locked for the batch;
	 * {@code balance} runs as transfers are judged.
	 */
	private static final class Account {

		final long id;

		final long opening;

		final long spentBefore;

		boolean frozen;

		long balance;

		long spentToday;

		Account(long id, long balance, long spentToday, boolean frozen) {
			this.id = id;
			this.opening = balance;
			this.balance = balance;
			this.spentBefore = spentToday;
			this.spentToday = spentToday;
			this.frozen = frozen;
		}

		boolean changed() {
			return balance != opening || spentToday != spentBefore;
		}

	}

	/** The postings of a batch, one per transfer, as the columns of their rows. */
	private static final class Postings {

		final List<UUID> ids = new ArrayList<>();

		final List<UUID> transactions = new ArrayList<>();

		final List<String> currencies = new ArrayList<>();

		final List<UUID> entryPostings = new ArrayList<>();

		final List<Long> entryAccounts = new ArrayList<>();

		final List<Long> entryAmounts = new ArrayList<>();

		void add(UUID transaction, String currency, long debited, long credited, long amount) {
			UUID id = UUID.randomUUID();
			ids.add(id);
			transactions.add(transaction);
			currencies.add(currency);
			entryPostings.addAll(List.of(id, id));
			entryAccounts.addAll(List.of(debited, credited));
			entryAmounts.addAll(List.of(-amount, amount));
		}

	}

	/** The stored answer of each request of the batch, as columns. */
	private static final class Answers {

		final List<UUID> customers = new ArrayList<>();

		final List<String> keys = new ArrayList<>();

		final List<String> hashes = new ArrayList<>();

		final List<Integer> statuses = new ArrayList<>();

		final List<String> bodies = new ArrayList<>();

		void add(Command c, int status, String body) {
			customers.add(c.sender());
			keys.add(c.key());
			hashes.add(c.hash());
			statuses.add(status);
			bodies.add(body);
		}

	}

	/** The batch's one write; see {@link #writeAll}. */
	private static final NamedStatement WRITE = new NamedStatement("""
			WITH balances AS (
			  UPDATE ledger_account a SET balance = d.b, spent_on = :today::date, spent_that_day = d.s
			  FROM unnest(:account_ids::bigint[], :balances::bigint[], :spent::bigint[]) AS d(id, b, s)
			  WHERE a.id = d.id AND a.id = ANY(:account_ids::bigint[])),
			postings AS (
			  INSERT INTO posting (id, transaction_id, kind, currency, created_at)
			  SELECT pid, tid, :kind, cur, :now::timestamptz
			  FROM unnest(:posting_ids::uuid[], :posting_transactions::uuid[], :posting_currencies::varchar[])
			    AS t(pid, tid, cur)),
			entries AS (
			  INSERT INTO posting_entry (posting_id, account_id, amount)
			  SELECT * FROM unnest(:entry_postings::uuid[], :entry_accounts::bigint[], :entry_amounts::bigint[])),
			records AS (%s),
			answers AS (
			  INSERT INTO idempotency_record (customer_id, key, request_hash, status_code, response, created_at)
			  SELECT c, k, h, s, r, :now::timestamptz
			  FROM unnest(:answer_customers::uuid[], :answer_keys::varchar[], :answer_hashes::varchar[],
			    :answer_statuses::int[], :answer_bodies::text[]) AS t(c, k, h, s, r)
			  ON CONFLICT DO NOTHING RETURNING 1)
			SELECT count(*) FROM answers""".formatted(TransactionRecords.INSERT_SQL));

	/**
	 * One statement writes the whole batch: balances with today's totals, postings and
	 * entries, records and the answers under their keys. A key that a concurrent request
	 * stored since {@link #prepare} looked makes the batch roll back and run again, so
	 * money never moves twice for one key.
	 */
	private void writeAll(Instant now, LocalDate today, Collection<Account> accounts, Postings postings,
			TransactionRecords.Insert records, Answers answers) {
		List<Account> changed = accounts.stream().filter(Account::changed).toList();
		Map<String, Object> params = new HashMap<>(records.params());
		params.put("today", today);
		params.put("now", Timestamp.from(now));
		params.put("account_ids", changed.stream().map(a -> a.id).toArray(Long[]::new));
		params.put("balances", changed.stream().map(a -> a.balance).toArray(Long[]::new));
		params.put("spent", changed.stream().map(a -> a.spentToday).toArray(Long[]::new));
		params.put("kind", PostingKind.TRANSFER.code());
		params.put("posting_ids", postings.ids.toArray(UUID[]::new));
		params.put("posting_transactions", postings.transactions.toArray(UUID[]::new));
		params.put("posting_currencies", postings.currencies.toArray(String[]::new));
		params.put("entry_postings", postings.entryPostings.toArray(UUID[]::new));
		params.put("entry_accounts", postings.entryAccounts.toArray(Long[]::new));
		params.put("entry_amounts", postings.entryAmounts.toArray(Long[]::new));
		params.put("answer_customers", answers.customers.toArray(UUID[]::new));
		params.put("answer_keys", answers.keys.toArray(String[]::new));
		params.put("answer_hashes", answers.hashes.toArray(String[]::new));
		params.put("answer_statuses", answers.statuses.toArray(Integer[]::new));
		params.put("answer_bodies", answers.bodies.toArray(String[]::new));
		long stored = jdbc.sql(WRITE.sql()).params(WRITE.values(params)).query(Long.class).single();
		if (stored < answers.keys.size()) {
			throw new KeyClaimedMeanwhile();
		}
	}

}
