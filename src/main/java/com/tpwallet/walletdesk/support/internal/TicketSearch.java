package com.tpwallet.walletdesk.support.internal;

import com.tpwallet.walletdesk.support.TicketStatus;
import com.tpwallet.walletdesk.identity.IdentityApi;
import com.tpwallet.walletdesk.platform.Caller;
import com.tpwallet.walletdesk.platform.CursorPage;
import com.tpwallet.walletdesk.platform.Refusal;
import com.tpwallet.walletdesk.support.internal.TicketViews.StaffTicket;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The agents' ticket list: filters on every field, the customer by phone or e-mail, free
 * text over subject and conversation (substring match, so Chinese needs no word
 * boundaries), and SLA state.
 */
@Component
class TicketSearch {

	record Filter(@Nullable String status, @Nullable String queue, @Nullable UUID assignee, @Nullable String priority,
			@Nullable String channel, @Nullable String language, @Nullable String tag, @Nullable String customer,
			@Nullable String q, @Nullable String sla, @Nullable Integer csat, java.time.@Nullable LocalDate from,
			java.time.@Nullable LocalDate to) {
	}

	private final JdbcClient jdbc;

	private final TicketDesk desk;

	private final Routing routing;

	private final IdentityApi identity;

	private final Clock clock;

	TicketSearch(JdbcClient jdbc, TicketDesk desk, Routing routing, IdentityApi identity, Clock clock) {
		this.jdbc = jdbc;
		this.desk = desk;
		this.routing = routing;
		this.identity = identity;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public CursorPage<StaffTicket> find(Caller staff, Filter f, @Nullable String cursor, int limit) {
		StringBuilder sql = new StringBuilder(
				"SELECT t.* FROM ticket t WHERE (t.language = ANY(?) OR t.assignee_id = ?)");
		List<Object> params = new ArrayList<>();
		params.add(routing.languagesOf(staff.id()).toArray(String[]::new));
		params.add(staff.id());
		if (f.status() != null) {
			// "active" names the statuses not yet solved, so that no client retypes them.
			List<String> statuses = f.status().equals("active")
					? TicketStatus.ACTIVE.stream().map(TicketStatus::code).toList() : List.of(f.status().split(","));
			if (!statuses.stream().allMatch(s -> TicketStatus.find(s).isPresent())) {
				throw Refusal.unprocessable("ticket_status_invalid", TicketStatus.codes());
			}
			sql.append(" AND t.status = ANY(?)");
			params.add(statuses.toArray(String[]::new));
		}
		add(sql, params, " AND t.queue_id = ?", f.queue());
		add(sql, params, " AND t.assignee_id = ?", f.assignee());
		add(sql, params, " AND t.priority = ?", f.priority());
		add(sql, params, " AND t.channel = ?", f.channel());
		add(sql, params, " AND t.language = ?", f.language());
		add(sql, params, " AND ? = ANY(t.tags)", f.tag());
		add(sql, params, " AND t.csat_score = ?", f.csat());
		// opened on these Beijing dates (the supervisor's figures drill down to their
		// tickets)
		java.time.ZoneId beijing = com.tpwallet.walletdesk.wallet.BusinessCalendar.ZONE;
		add(sql, params, " AND t.created_at >= ?",
				f.from() == null ? null : Timestamp.from(f.from().atStartOfDay(beijing).toInstant()));
		add(sql, params, " AND t.created_at < ?",
				f.to() == null ? null : Timestamp.from(f.to().plusDays(1).atStartOfDay(beijing).toInstant()));
		if (f.customer() != null) {
			UUID customer = identity.customerByLogin(f.customer()).map(c -> c.id()).orElse(new UUID(0, 0));
			add(sql, params, " AND t.customer_id = ?", customer);
		}
		if (f.q() != null && !f.q().isBlank()) {
			String text = f.q().strip();
			String like = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
			long number = text.matches("#?\\d{1,18}") ? Long.parseLong(text.replace("#", "")) : -1;
			sql.append(" AND (t.number = ? OR t.subject ILIKE ?"
					+ " OR EXISTS (SELECT 1 FROM ticket_entry e WHERE e.ticket_id = t.id AND e.body ILIKE ?))");
			params.add(number);
			params.add(like);
			params.add(like);
		}
		if (f.sla() != null) {
			Timestamp now = Timestamp.from(clock.instant());
			switch (f.sla()) {
				case "breached" -> sql.append(" AND (t.first_response_breached OR t.resolution_breached)");
				case "paused" -> sql.append(" AND t.sla_paused_at IS NOT NULL");
				case "due_soon" -> {
					sql.append(" AND t.status IN " + Ticket.WAITING_ON_US_SQL
							+ " AND t.sla_paused_at IS NULL AND ((t.first_responded_at IS NULL"
							+ " AND t.first_response_due < ?) OR t.resolution_due < ?)");
					Timestamp soon = Timestamp.from(now.toInstant().plusSeconds(3600));
					params.add(soon);
					params.add(soon);
				}
				case "waiting_long" -> {
					// waiting on us, with nothing done on it for an hour
					sql.append(" AND t.status IN " + Ticket.WAITING_ON_US_SQL + " AND t.updated_at < ?");
					params.add(Timestamp.from(now.toInstant().minusSeconds(3600)));
				}
				default -> throw Refusal.unprocessable("ticket_sla_filter_invalid",
						"breached, paused, due_soon, waiting_long");
			}
		}
		if (cursor != null) {
			sql.append(" AND t.number < ?");
			params.add(TicketDesk.parse(cursor));
		}
		sql.append(" ORDER BY t.number DESC LIMIT ?");
		params.add(limit + 1);
		List<Ticket> rows = jdbc.sql(sql.toString()).params(params).query(TicketRepository::map).list();
		return CursorPage.of(rows, limit, t -> Long.toString(t.number)).map(desk::staffTicket);
	}

	private static void add(StringBuilder sql, List<Object> params, String clause, @Nullable Object value) {
		if (value != null) {
			sql.append(clause);
			params.add(value);
		}
	}

}
