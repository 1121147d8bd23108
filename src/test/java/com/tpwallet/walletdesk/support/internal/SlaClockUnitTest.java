package com.tpwallet.walletdesk.support.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tpwallet.walletdesk.platform.Refusal;
import com.tpwallet.walletdesk.wallet.BusinessCalendar;
import com.tpwallet.walletdesk.support.TicketStatus;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SlaClockUnitTest {

	/** Weekdays, minus National Day 2026 (1–7 Oct), plus the make-up Saturday 10 Oct. */
	static final BusinessCalendar CALENDAR = new BusinessCalendar() {
		final Set<LocalDate> holidays = Set.of(1, 2, 3, 4, 5, 6, 7)
			.stream()
			.map(d -> LocalDate.of(2026, 10, d))
			.collect(java.util.stream.Collectors.toSet());

		public boolean isBusinessDay(LocalDate day) {
			if (day.equals(LocalDate.of(2026, 10, 10))) {
				return true;
			}
			return !holidays.contains(day) && day.getDayOfWeek() != DayOfWeek.SATURDAY
					&& day.getDayOfWeek() != DayOfWeek.SUNDAY;
		}

		public LocalDate businessDaysAfter(LocalDate day, int n) {
			throw new UnsupportedOperationException();
		}

		public Optional<Day> special(LocalDate day) {
			return Optional.empty();
		}
	};

	final BusinessHours hours = new BusinessHours(CALENDAR, LocalTime.of(9, 0), LocalTime.of(21, 0));

	static Instant beijing(String local) {
		return ZonedDateTime.of(java.time.LocalDateTime.parse(local), BusinessCalendar.ZONE).toInstant();
	}

	@Test
	void countsOnlyWorkingHoursOfBusinessDays() {
		assertThat(hours.plus(beijing("2026-09-29T20:00"), 240)).isEqualTo(beijing("2026-09-30T12:00"));
		// Wednesday 30 September 20:30 + 4 working hours: National Day, then Thursday 8
		// October
		assertThat(hours.plus(beijing("2026-09-30T20:30"), 240)).isEqualTo(beijing("2026-10-08T12:30"));
		// Friday 9 October 20:00 + 2 h: the make-up Saturday counts
		assertThat(hours.plus(beijing("2026-10-09T20:00"), 120)).isEqualTo(beijing("2026-10-10T10:00"));
		assertThat(hours.minutesBetween(beijing("2026-09-30T20:00"), beijing("2026-10-08T10:00"))).isEqualTo(120);
		assertThat(hours.plus(beijing("2026-09-26T03:00"), 0)).as("a Saturday at night waits for Monday")
			.isEqualTo(beijing("2026-09-28T09:00"));
	}

	Ticket ticket(Instant at) {
		Ticket t = new Ticket(UUID.randomUUID(), UUID.randomUUID(), "s", "web", "en", "normal", "general-en", at);
		t.startSla(new Ticket.SlaPolicy(240, 1440), hours);
		return t;
	}

	@Test
	void waitingOnTheCustomerStopsTheClock() {
		Ticket t = ticket(beijing("2026-11-23T09:00"));
		assertThat(t.firstResponseDue).isEqualTo(beijing("2026-11-23T13:00"));
		t.moveTo(TicketStatus.PENDING, beijing("2026-11-23T10:00"), hours);
		assertThat(t.breachesAt(beijing("2026-11-23T15:00"))).as("paused: no breach").isEmpty();
		t.customerWrote(beijing("2026-11-23T12:00"), hours);
		assertThat(t.status).isEqualTo(TicketStatus.OPEN);
		assertThat(t.firstResponseDue).as("two working hours waited, two added").isEqualTo(beijing("2026-11-23T15:00"));
		assertThat(t.breachesAt(beijing("2026-11-23T14:59"))).isEmpty();
		assertThat(t.breachesAt(beijing("2026-11-23T15:01"))).containsExactly("first_response");
		assertThat(t.priority).as("a breach escalates").isEqualTo("high");
		assertThat(t.breachesAt(beijing("2026-11-23T16:00"))).as("reported once").isEmpty();
	}

	@Test
	void aFirstReplyMeetsTheFirstResponseTarget() {
		Ticket t = ticket(beijing("2026-11-23T09:00"));
		t.agentReplied(beijing("2026-11-23T10:00"), hours);
		assertThat(t.breachesAt(beijing("2026-11-23T20:00"))).isEmpty();
		assertThat(t.status).isEqualTo(TicketStatus.OPEN);
	}

	@Test
	void aClosedTicketReopensWithinFourteenDaysOnly() {
		Ticket t = ticket(beijing("2026-11-01T09:00"));
		t.moveTo(TicketStatus.CLOSED, beijing("2026-11-02T09:00"), hours);
		t.customerWrote(beijing("2026-11-10T09:00"), hours);
		assertThat(t.status).isEqualTo(TicketStatus.OPEN);
		t.moveTo(TicketStatus.CLOSED, beijing("2026-11-11T09:00"), hours);
		assertThatThrownBy(() -> t.customerWrote(beijing("2026-11-26T09:00"), hours))
			.isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.code()).isEqualTo("ticket_closed"));
	}

	@Test
	void theActiveStatusesAreWrittenOnceAndReadTheSameInSql() {
		assertThat(TicketStatus.ACTIVE).doesNotContain(TicketStatus.SOLVED, TicketStatus.CLOSED);
		assertThat(Ticket.ACTIVE_SQL).isEqualTo("('new', 'open', 'pending', 'on_hold')");
		assertThat(Ticket.WAITING_ON_US_SQL).isEqualTo("('new', 'open')");
	}

	@Test
	void givingANewTicketToAnAgentOpensItAndGivingItToTheSameAgentAgainChangesNothing() {
		Ticket t = ticket(beijing("2026-11-23T09:00"));
		UUID agent = UUID.randomUUID();
		assertThat(t.giveTo(agent, beijing("2026-11-23T09:30"), hours)).isTrue();
		assertThat(t.status).isEqualTo(TicketStatus.OPEN);
		assertThat(t.assignee).isEqualTo(agent);
		assertThat(t.giveTo(agent, beijing("2026-11-23T09:40"), hours)).isFalse();
		assertThat(t.updatedAt).isEqualTo(beijing("2026-11-23T09:30"));
	}

	@Test
	void solvingStopsTheResolutionClockAndReopeningForgetsTheSolvedTime() {
		Ticket t = ticket(beijing("2026-11-23T09:00"));
		t.moveTo(TicketStatus.SOLVED, beijing("2026-11-23T10:00"), hours);
		assertThat(t.solvedAt).isEqualTo(beijing("2026-11-23T10:00"));
		assertThat(t.isOpen()).isFalse();
		assertThat(t.breachesAt(beijing("2026-11-30T10:00"))).as("solved tickets do not breach").isEmpty();
		t.moveTo(TicketStatus.OPEN, beijing("2026-11-23T11:00"), hours);
		assertThat(t.solvedAt).isNull();
		assertThat(t.isOpen()).isTrue();
	}

}
