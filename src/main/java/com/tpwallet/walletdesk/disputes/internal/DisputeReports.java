package com.tpwallet.walletdesk.disputes.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The supervisors' view of disputes: what is open, by reason and age; whether decisions
 * meet their deadlines; what was refunded each month; which merchants are disputed most.
 */
@Component
class DisputeReports {

	record OpenByReason(String reason, String reasonText, int upTo2Days, int upTo5Days, int upTo10Days, int over10Days,
			int total) {
	}

	record DecisionTimes(int decided, int onTime, int late, double averageDays, int overdueNow) {
	}

	record MonthlyRefunds(String month, String currency, long refunded, int disputes) {
	}

	record DisputedMerchant(String merchant, int disputes, int open, long refunded, String currency) {
	}

	record Report(List<OpenByReason> openByReasonAndAge, DecisionTimes decisionTimes, List<MonthlyRefunds> refunds,
			List<DisputedMerchant> merchants, Instant at) {
	}

	private final JdbcClient jdbc;

	private final MessageSource messages;

	private final Clock clock;

	DisputeReports(JdbcClient jdbc, MessageSource messages, Clock clock) {
		this.jdbc = jdbc;
		this.messages = messages;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	Report report() {
		Instant now = clock.instant();
		List<OpenByReason> open = jdbc
			.sql("""
					SELECT reason,
					  count(*) FILTER (WHERE age <= 2) AS a, count(*) FILTER (WHERE age > 2 AND age <= 5) AS b,
					  count(*) FILTER (WHERE age > 5 AND age <= 10) AS c, count(*) FILTER (WHERE age > 10) AS d, count(*) AS n
					FROM (SELECT reason, extract(epoch FROM (? - created_at)) / 86400 AS age FROM dispute
					      WHERE status NOT IN ('decided', 'closed')) o
					GROUP BY reason ORDER BY count(*) DESC, reason""")
			.param(java.sql.Timestamp.from(now))
			.query((rs, n) -> new OpenByReason(rs.getString("reason"),
					messages.getMessage("page.dispute.reason." + rs.getString("reason"), null,
							LocaleContextHolder.getLocale()),
					rs.getInt("a"), rs.getInt("b"), rs.getInt("c"), rs.getInt("d"), rs.getInt("n")))
			.list();
		DecisionTimes times = jdbc.sql("""
				SELECT count(*) FILTER (WHERE decided_at IS NOT NULL) AS decided,
				  count(*) FILTER (WHERE decided_at IS NOT NULL
				                   AND (decided_at AT TIME ZONE 'Asia/Shanghai')::date <= decide_due) AS on_time,
				  count(*) FILTER (WHERE decided_at IS NOT NULL
				                   AND (decided_at AT TIME ZONE 'Asia/Shanghai')::date > decide_due) AS late,
				  coalesce(avg(extract(epoch FROM (decided_at - created_at)) / 86400)
				           FILTER (WHERE decided_at IS NOT NULL), 0) AS average_days,
				  count(*) FILTER (WHERE status NOT IN ('decided', 'closed')
				                   AND decide_due < (? AT TIME ZONE 'Asia/Shanghai')::date) AS overdue
				FROM dispute""")
			.param(java.sql.Timestamp.from(now))
			.query((rs, n) -> new DecisionTimes(rs.getInt("decided"), rs.getInt("on_time"), rs.getInt("late"),
					Math.round(rs.getDouble("average_days") * 10) / 10.0, rs.getInt("overdue")))
			.single();
		List<MonthlyRefunds> refunds = jdbc.sql("""
				SELECT to_char(decided_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month, currency,
				  sum(refunded) AS refunded, count(*) AS n
				FROM dispute WHERE decided_at IS NOT NULL AND refunded > 0
				GROUP BY 1, 2 ORDER BY 1 DESC, 2 LIMIT 24""")
			.query((rs, n) -> new MonthlyRefunds(rs.getString("month"), rs.getString("currency"),
					rs.getLong("refunded"), rs.getInt("n")))
			.list();
		List<DisputedMerchant> merchants = jdbc.sql("""
				SELECT counterparty, currency, count(*) AS n,
				  count(*) FILTER (WHERE status NOT IN ('decided', 'closed')) AS open, sum(refunded) AS refunded
				FROM dispute WHERE transaction_type = 'payment' AND counterparty IS NOT NULL
				GROUP BY counterparty, currency ORDER BY count(*) DESC, counterparty LIMIT 10""")
			.query((rs, n) -> new DisputedMerchant(rs.getString("counterparty"), rs.getInt("n"), rs.getInt("open"),
					rs.getLong("refunded"), rs.getString("currency")))
			.list();
		return new Report(open, times, refunds, merchants, now);
	}

}
