package com.tpwallet.walletdesk.support;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Where a ticket stands. New and open tickets wait on us; pending waits on the customer
 * and on hold on a third party, and both stop the SLA clock; solved tickets close by
 * themselves after a while, and a closed one never reopens. Text only at the edges: the
 * database column and the JSON value are the lower-case codes.
 */
public enum TicketStatus {

	NEW("new"), OPEN("open"), PENDING("pending"), ON_HOLD("on_hold"), SOLVED("solved"), CLOSED("closed");

	/** Not yet solved: the work that counts as open in queues, loads and dashboards. */
	public static final List<TicketStatus> ACTIVE = List.of(NEW, OPEN, PENDING, ON_HOLD);

	private final String code;

	TicketStatus(String code) {
		this.code = code;
	}

	@JsonValue
	public String code() {
		return code;
	}

	/** Not yet solved. */
	public boolean isActive() {
		return ACTIVE.contains(this);
	}

	/** Waiting on someone else than us: the SLA clock stands still. */
	public boolean pausesSla() {
		return this == PENDING || this == ON_HOLD;
	}

	/** Waiting on us, with a running clock. */
	public boolean waitsOnUs() {
		return this == NEW || this == OPEN;
	}

	public static Optional<TicketStatus> find(String code) {
		return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
	}

	public static TicketStatus of(String code) {
		return find(code).orElseThrow(() -> new IllegalArgumentException("No ticket status " + code));
	}

	/** The codes, for a refusal that lists what may be asked for. */
	public static String codes() {
		return Arrays.stream(values()).map(TicketStatus::code).collect(Collectors.joining(", "));
	}

	/** Statuses as an SQL list, for {@code status IN %s}: written once, not retyped. */
	public static String sqlList(List<TicketStatus> statuses) {
		return statuses.stream().map(s -> "'" + s.code + "'").collect(Collectors.joining(", ", "(", ")"));
	}

}
