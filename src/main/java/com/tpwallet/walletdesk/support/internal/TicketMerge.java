package com.tpwallet.walletdesk.support.internal;

import com.tpwallet.walletdesk.platform.Caller;
import com.tpwallet.walletdesk.platform.Refusal;
import com.tpwallet.walletdesk.support.EntryKind;
import com.tpwallet.walletdesk.support.TicketStatus;
import com.tpwallet.walletdesk.support.internal.TicketViews.StaffTicket;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Two tickets of one requester about one matter become one: the duplicate's entries are
 * copied into the ticket that stays (in their order, with their times and authors, files
 * included), and the duplicate is closed with a pointer to it. Nothing is deleted.
 */
@Service
class TicketMerge {

	private final TicketDesk desk;

	private final TicketRepository tickets;

	private final JdbcClient jdbc;

	private final BusinessHours hours;

	private final Clock clock;

	TicketMerge(TicketDesk desk, TicketRepository tickets, JdbcClient jdbc, BusinessHours hours, Clock clock) {
		this.desk = desk;
		this.tickets = tickets;
		this.jdbc = jdbc;
		this.hours = hours;
		this.clock = clock;
	}

	/**
	 * Merges ticket {@code duplicateId} into the ticket numbered {@code into}; returns
	 * the ticket that stays.
	 */
	@Transactional
	public StaffTicket merge(UUID duplicateId, long into, Caller staff) {
		desk.visible(duplicateId, staff, false); // one the caller may not see does not
													// exist for them
		UUID targetId = jdbc.sql("SELECT id FROM ticket WHERE number = ?")
			.param(into)
			.query(UUID.class)
			.optional()
			.orElseThrow(() -> Refusal.notFound("ticket_not_found"));
		if (targetId.equals(duplicateId)) {
			throw Refusal.unprocessable("ticket_merge_same");
		}
		// locked in id order, so that two merges of the same pair never wait on each
		// other
		boolean duplicateFirst = duplicateId.compareTo(targetId) < 0;
		Ticket first = desk.visible(duplicateFirst ? duplicateId : targetId, staff, true);
		Ticket second = desk.visible(duplicateFirst ? targetId : duplicateId, staff, true);
		Ticket duplicate = duplicateFirst ? first : second;
		Ticket target = duplicateFirst ? second : first;
		if (!sameRequester(duplicate, target)) {
			throw Refusal.unprocessable("ticket_merge_other_requester");
		}
		if (duplicate.status == TicketStatus.CLOSED || target.status == TicketStatus.CLOSED) {
			throw Refusal.conflict("ticket_closed");
		}
		jdbc.sql("""
				INSERT INTO ticket_entry (ticket_id, kind, author_id, body, created_at)
				SELECT ?, kind, author_id, body, created_at FROM ticket_entry WHERE ticket_id = ? ORDER BY id""")
			.params(target.id, duplicate.id)
			.update();
		jdbc.sql("UPDATE ticket_attachment SET ticket_id = ? WHERE ticket_id = ?")
			.params(target.id, duplicate.id)
			.update();
		Instant now = clock.instant();
		tickets.addEntry(target, EntryKind.SYSTEM, staff.id(), "merged_from:" + duplicate.number, now);
		tickets.addEntry(duplicate, EntryKind.SYSTEM, staff.id(), "merged_into:" + target.number, now);
		target.updatedAt = now;
		tickets.update(target);
		duplicate.moveTo(TicketStatus.CLOSED, now, hours);
		tickets.update(duplicate);
		return desk.staffTicket(target);
	}

	private static boolean sameRequester(Ticket a, Ticket b) {
		if (a.customerId != null || b.customerId != null) {
			return Objects.equals(a.customerId, b.customerId);
		}
		if (a.contactId != null || b.contactId != null) {
			return Objects.equals(a.contactId, b.contactId);
		}
		return a.stated != null && b.stated != null && Objects.equals(a.stated.reach(), b.stated.reach());
	}

}
