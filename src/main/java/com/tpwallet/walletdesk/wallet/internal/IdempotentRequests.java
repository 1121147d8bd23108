package com.tpwallet.walletdesk.wallet.internal;

import com.tpwallet.walletdesk.platform.Refusal;
import com.tpwallet.walletdesk.platform.RefusalStatus;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs a money-moving request once per {@code Idempotency-Key}: a replay gets the
 * original answer (refusals included), the same key with another body is refused with
 * 409, and two requests racing with one key move money once. Keys are kept for 48 hours.
 */
@Component
class IdempotentRequests {

	static final Duration KEPT_FOR = Duration.ofHours(48);

	/** The answer to a request: HTTP status and JSON body, or the code of a refusal. */
	record Answer(int status, String body) {
	}

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final JsonMapper json;

	private final Clock clock;

	IdempotentRequests(JdbcClient jdbc, TransactionTemplate transactions, JsonMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * @param precheck runs outside any transaction before money moves (e.g. the payment
	 * password)
	 * @param movement runs in the transaction that claims the key; its result is the
	 * answer
	 * @param onRefusal runs in a transaction of its own when the request is refused, to
	 * record the attempt
	 */
	Answer run(UUID customerId, @Nullable String key, Object request, Runnable precheck, Supplier<Object> movement,
			Consumer<Refusal> onRefusal) {
		requireKey(key);
		String hash = hash(request);
		Optional<Answer> earlier = replayed(customerId, key, hash);
		if (earlier.isPresent()) {
			return earlier.get();
		}
		try {
			precheck.run();
			Answer answer = withRetry(() -> transactions.execute(tx -> {
				if (!claim(customerId, key, hash)) {
					return stored(customerId, key, hash).orElseThrow();
				}
				Answer created = new Answer(201, json.writeValueAsString(movement.get()));
				save(customerId, key, created);
				return created;
			}));
			return replay(answer);
		}
		catch (Refusal refusal) {
			recordRefusal(customerId, key, hash, refusal, onRefusal);
			throw refusal;
		}
	}

	/**
	 * PostgreSQL may pick one of two opposite transfers as a deadlock victim; that one
	 * simply runs again.
	 */
	private static Answer withRetry(Supplier<Answer> attempt) {
		for (int tries = 1;; tries++) {
			try {
				return attempt.get();
			}
			catch (PessimisticLockingFailureException e) {
				if (tries == 3) {
					throw e;
				}
			}
		}
	}

	/**
	 * For movements that ask a partner before they are done (top-ups ask the card
	 * acquirer). The key is claimed and the movement's first step written in one
	 * transaction, committed with that step's result as the key's answer, before the
	 * partner is asked: a charge the acquirer takes always has our record beside it,
	 * which its callback and reconciliation find, even if this instance dies while it
	 * waits, and no pooled connection waits with it. The partner is asked with no
	 * transaction open; its answer is written, with the key's final answer, in a second
	 * one.
	 */
	<T, P> Answer runAskingPartner(UUID customerId, @Nullable String key, Object request, Runnable precheck,
			Supplier<T> begin, Function<T, P> ask, BiFunction<T, P, Object> settle, Consumer<Refusal> onRefusal) {
		requireKey(key);
		String hash = hash(request);
		Optional<Answer> earlier = replayed(customerId, key, hash);
		if (earlier.isPresent()) {
			return earlier.get();
		}
		Begun<T> begun;
		try {
			precheck.run();
			begun = transactions.execute(tx -> {
				if (!claim(customerId, key, hash)) {
					return new Begun<T>(null, stored(customerId, key, hash).orElseThrow());
				}
				T first = begin.get();
				Answer interim = new Answer(201, json.writeValueAsString(first));
				save(customerId, key, interim);
				return new Begun<>(first, interim);
			});
		}
		catch (Refusal refusal) {
			recordRefusal(customerId, key, hash, refusal, onRefusal);
			throw refusal;
		}
		if (begun.first() == null) {
			return replay(begun.answer());
		}
		P answered = ask.apply(begun.first());
		return transactions.execute(tx -> {
			Answer done = new Answer(201, json.writeValueAsString(settle.apply(begun.first(), answered)));
			save(customerId, key, done);
			return done;
		});
	}

	private static void requireKey(@Nullable String key) {
		if (key == null || key.isBlank() || key.length() > 100) {
			throw Refusal.badRequest("idempotency_key_required");
		}
	}

	/** The answer stored for a key, replayed; empty when the key is new. */
	private Optional<Answer> replayed(UUID customerId, String key, String hash) {
		return stored(customerId, key, hash).map(IdempotentRequests::replay);
	}

	/** A movement's first step, or the answer already stored for its key. */
	private record Begun<T>(@Nullable T first, Answer answer) {
	}

	private boolean claim(UUID customerId, String key, String hash) {
		return jdbc.sql("""
				INSERT INTO idempotency_record (customer_id, key, request_hash, created_at) VALUES (?, ?, ?, ?)
				ON CONFLICT DO NOTHING""").params(customerId, key, hash, Timestamp.from(clock.instant())).update() == 1;
	}

	/**
	 * For movements settled by a queue (transfers): the key and the replay are checked
	 * here, the precheck runs here, and {@code queued} claims the key and moves the money
	 * in its own batch transaction.
	 */
	Answer runQueued(UUID customerId, @Nullable String key, Object request, Runnable precheck,
			BiFunction<String, String, Answer> queued, Consumer<Refusal> onRefusal) {
		requireKey(key);
		String hash = hash(request);
		// No look-up first: the batch's claim finds a used key, and replayStored answers
		// it (or 409).
		try {
			precheck.run();
		}
		catch (Refusal refusal) {
			recordRefusal(customerId, key, hash, refusal, onRefusal);
			throw refusal;
		}
		return queued.apply(key, hash);
	}

	/**
	 * The answer stored for a key (replayed; a refusal is thrown again), or 409 when the
	 * body differs.
	 */
	Answer replayStored(UUID customerId, String key, String hash) {
		return replay(stored(customerId, key, hash)
			.orElseThrow(() -> new IllegalStateException("No answer stored for key " + key)));
	}

	private void recordRefusal(UUID customerId, String key, String hash, Refusal refusal, Consumer<Refusal> onRefusal) {
		HttpStatus status = RefusalStatus.of(refusal.kind());
		if (status.is4xxClientError() && status != HttpStatus.CONFLICT) {
			transactions.executeWithoutResult(tx -> {
				onRefusal.accept(refusal);
				jdbc.sql(
						"""
								INSERT INTO idempotency_record (customer_id, key, request_hash, status_code, response, created_at)
								VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
					.params(customerId, key, hash, statusOf(refusal), refusal.code(), Timestamp.from(clock.instant()))
					.update();
			});
		}
	}

	private Optional<Answer> stored(UUID customerId, String key, String hash) {
		return jdbc
			.sql("SELECT request_hash, status_code, response FROM idempotency_record WHERE customer_id = ? AND key = ?")
			.params(customerId, key)
			.query((rs, n) -> {
				if (!rs.getString("request_hash").equals(hash)) {
					throw Refusal.conflict("idempotency_key_reused");
				}
				return new Answer(rs.getInt("status_code"), rs.getString("response"));
			})
			.optional();
	}

	private void save(UUID customerId, String key, Answer answer) {
		jdbc.sql("UPDATE idempotency_record SET status_code = ?, response = ? WHERE customer_id = ? AND key = ?")
			.params(answer.status(), answer.body(), customerId, key)
			.update();
	}

	/**
	 * The status a refusal is stored and replayed with; transfer batches store their
	 * refusals this way too.
	 */
	static int statusOf(Refusal refusal) {
		return RefusalStatus.of(refusal.kind()).value();
	}

	private static Answer replay(Answer answer) {
		if (answer.status() >= 400) {
			throw new Refusal(RefusalStatus.kindOf(answer.status()), answer.body());
		}
		return answer;
	}

	private String hash(Object request) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(json.writeValueAsString(request).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
	void forgetOldKeys() {
		jdbc.sql("DELETE FROM idempotency_record WHERE created_at < ?")
			.param(Timestamp.from(clock.instant().minus(KEPT_FOR)))
			.update();
	}

}
