package com.tpwallet.walletdesk.wallet.internal;

import com.tpwallet.walletdesk.platform.CursorPage;
import com.tpwallet.walletdesk.platform.Refusal;
import com.tpwallet.walletdesk.wallet.TransactionView;
import java.sql.Timestamp;
import java.time.Instant;
import com.tpwallet.walletdesk.wallet.TransactionStatus;
import com.tpwallet.walletdesk.wallet.TransactionType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.stream.Collectors;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A customer's history, newest first, filtered and paged with a keyset cursor (time, id).
 */
@Component
class TransactionHistory {

	private static final String TYPES = Arrays.stream(TransactionType.values())
		.map(TransactionType::code)
		.sorted()
		.collect(Collectors.joining(", "));

	private static final String STATUSES = Arrays.stream(TransactionStatus.values())
		.map(TransactionStatus::code)
		.sorted()
		.collect(Collectors.joining(", "));

	record Filter(@Nullable String type, @Nullable String status, @Nullable Instant from, @Nullable Instant to,
			@Nullable Long minAmount, @Nullable Long maxAmount, @Nullable String counterparty,
			@Nullable String reference, @Nullable String currency) {

		void check() {
			if (type != null && TransactionType.find(type).isEmpty()) {
				throw Refusal.unprocessable("filter_invalid", "type", TYPES);
			}
			if (status != null && TransactionStatus.find(status).isEmpty()) {
				throw Refusal.unprocessable("filter_invalid", "status", STATUSES);
			}
			if (from != null && to != null && from.isAfter(to)) {
				throw Refusal.unprocessable("filter_invalid", "from/to", "from <= to");
			}
			if (minAmount != null && maxAmount != null && minAmount > maxAmount) {
				throw Refusal.unprocessable("filter_invalid", "minAmount/maxAmount", "minAmount <= maxAmount");
			}
		}
	}

	private final JdbcClient jdbc;

	TransactionHistory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	CursorPage<TransactionView> page(UUID customerId, Filter filter, @Nullable String cursor, int limit) {
		filter.check();
		StringBuilder sql = new StringBuilder("SELECT * FROM wallet_transaction WHERE customer_id = ?");
		List<Object> params = new ArrayList<>(List.of(customerId));
		where(filter, sql, params);
		if (cursor != null) {
			CursorPage.TimeAndId after = CursorPage.TimeAndId.of(cursor);
			sql.append(" AND (created_at, id) < (?, ?)");
			params.add(Timestamp.from(after.at()));
			params.add(after.id());
		}
		sql.append(" ORDER BY created_at DESC, id DESC LIMIT ?");
		params.add(limit + 1);
		List<TransactionView> rows = jdbc.sql(sql.toString()).params(params).query(TransactionRecords::map).list();
		return CursorPage.of(rows, limit, t -> CursorPage.TimeAndId.position(t.createdAt(), t.id()));
	}

	private static void where(Filter f, StringBuilder sql, List<Object> params) {
		add(sql, params, " AND type = ?", f.type());
		add(sql, params, " AND status = ?", f.status());
		add(sql, params, " AND created_at >= ?", f.from() == null ? null : Timestamp.from(f.from()));
		add(sql, params, " AND created_at < ?", f.to() == null ? null : Timestamp.from(f.to()));
		add(sql, params, " AND amount >= ?", f.minAmount());
		add(sql, params, " AND amount <= ?", f.maxAmount());
		add(sql, params, " AND counterparty ILIKE ?",
				f.counterparty() == null ? null : "%" + escape(f.counterparty()) + "%");
		add(sql, params, " AND reference = ?", f.reference());
		add(sql, params, " AND currency = ?", f.currency());
	}

	private static void add(StringBuilder sql, List<Object> params, String clause, @Nullable Object value) {
		if (value != null) {
			sql.append(clause);
			params.add(value);
		}
	}

	private static String escape(String like) {
		return like.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

}
