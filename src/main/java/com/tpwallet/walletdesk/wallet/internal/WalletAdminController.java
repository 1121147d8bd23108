package com.tpwallet.walletdesk.wallet.internal;

import com.tpwallet.walletdesk.platform.ProblemCodes;
import com.tpwallet.walletdesk.platform.Actor;
import com.tpwallet.walletdesk.platform.Caller;
import com.tpwallet.walletdesk.platform.ClientAddress;
import com.tpwallet.walletdesk.platform.Refusal;
import com.tpwallet.walletdesk.wallet.BusinessCalendar;
import com.tpwallet.walletdesk.wallet.BusinessCalendar.Day;
import com.tpwallet.walletdesk.wallet.WalletEvents.WalletActionTaken;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operators' view of the money: the ledger check, the jobs, and the business-day
 * calendar.
 */
@RestController
@Tag(name = "Admin: wallet")
class WalletAdminController {

	private final LedgerCheck ledgerCheck;

	private final Reconciliation reconciliation;

	private final SettlementRun settlement;

	private final HolidayCalendar calendar;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	WalletAdminController(LedgerCheck ledgerCheck, Reconciliation reconciliation, SettlementRun settlement,
			HolidayCalendar calendar, ApplicationEventPublisher events, Clock clock) {
		this.ledgerCheck = ledgerCheck;
		this.reconciliation = reconciliation;
		this.settlement = settlement;
		this.calendar = calendar;
		this.events = events;
		this.clock = clock;
	}

	@GetMapping("/api/v1/admin/ledger/check")
	@Operation(
			summary = "Prove the ledger: per-currency sums are zero, postings balanced, no drift, no negative customer account")
	LedgerCheck.Report check() {
		return ledgerCheck.run();
	}

	@PostMapping("/api/v1/admin/wallet/reconcile")
	@Operation(summary = "Resolve top-ups left pending (what the scheduled job does every minute)")
	Map<String, Integer> reconcile() {
		return Map.of("resolved", reconciliation.run());
	}

	record SettlementRequest(@Nullable LocalDate date) {
	}

	@PostMapping("/api/v1/admin/wallet/settlement-runs")
	@Operation(
			summary = "Run the withdrawal settlement for a day (default today, Asia/Shanghai); does nothing on a non-business day")
	SettlementRun.Outcome settle(@RequestBody(required = false) @Nullable SettlementRequest body) {
		LocalDate day = body == null || body.date() == null ? LocalDate.now(clock.withZone(BusinessCalendar.ZONE))
				: body.date();
		return settlement.run(day);
	}

	@GetMapping("/api/v1/staff/calendar/{year}")
	@ProblemCodes(kind = Refusal.Kind.RULE, value = "calendar_year_invalid")
	@Operation(summary = "Holidays and make-up working days of a year (provisional when estimated)")
	List<Day> year(@PathVariable int year) {
		checkYear(year);
		return calendar.year(year);
	}

	record CalendarDayInput(@NotNull(message = "{validation.required}") LocalDate date,
			@NotBlank(message = "{validation.required}") @Pattern(regexp = "HOLIDAY|WORKDAY",
					message = "{validation.day-kind}") String kind,
			@NotBlank(message = "{validation.required}") @Size(max = 100) String name) {
	}

	record CalendarLoad(@NotBlank(message = "{validation.required}") @Size(max = 200) String source,
			@NotNull(message = "{validation.required}") List<@Valid CalendarDayInput> days) {
	}

	@PutMapping("/api/v1/admin/calendar/{year}")
	@ProblemCodes(kind = Refusal.Kind.RULE, value = { "calendar_year_invalid", "calendar_day_outside_year" })
	@Transactional
	@Operation(summary = "Load the official schedule of a year (replaces estimates and earlier loads; audited)")
	List<Day> load(@PathVariable int year, @Valid @RequestBody CalendarLoad body,
			@AuthenticationPrincipal Caller caller, HttpServletRequest request) {
		checkYear(year);
		if (body.days().stream().anyMatch(d -> d.date().getYear() != year)) {
			throw Refusal.unprocessable("calendar_day_outside_year", year);
		}
		calendar.load(year, body.days().stream().map(d -> new Day(d.date(), d.kind(), d.name(), false)).toList(),
				body.source());
		events.publishEvent(new WalletActionTaken(Actor.of(caller, ClientAddress.of(request)), "calendar.loaded",
				new java.util.UUID(0, year),
				"year=" + year + " days=" + body.days().size() + " source=" + body.source()));
		return calendar.year(year);
	}

	private static void checkYear(int year) {
		if (year < 2025 || year > 2100) {
			throw Refusal.unprocessable("calendar_year_invalid");
		}
	}

}
