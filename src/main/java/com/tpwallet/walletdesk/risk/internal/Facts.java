package com.tpwallet.walletdesk.risk.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * One movement out as the rules and the model see it: what it is, against what is known
 * of the customer. Amounts are CNY fen.
 *
 * @param kind payment, transfer or withdrawal (or a top-up, for card testing)
 * @param amount its value
 * @param availableBefore the available balance before it, as CNY fen
 * @param newPayee never paid before
 * @param history what is known of the customer (not counting this movement)
 * @param at when
 */
record Facts(Kind kind, long amount, long availableBefore, boolean newPayee, History history, Instant at) {

	/** Night-time is judged on the wallet's clock (Beijing). */
	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	enum Kind {

		PAYMENT, TRANSFER, WITHDRAWAL,
		/** money coming in by card: judged for card testing only */
		TOP_UP

	}

	/** The part of the balance this movement takes, 0 to 1. */
	double shareOfBalance() {
		return availableBefore <= 0 ? 1 : Math.min(1, (double) amount / availableBefore);
	}

	/** What the last day's money out, this included, took of what there was. */
	double drained24h() {
		long had = availableBefore + history.outSum24h();
		return had <= 0 ? 1 : Math.min(1, (double) (history.outSum24h() + amount) / had);
	}

	/** Of what other customers sent in the last day, how much is leaving again. */
	double cashOutOfReceived() {
		return history.inSum24h() <= 0 ? 0 : Math.min(2, (double) (history.outSum24h() + amount) / history.inSum24h());
	}

	/** Money to a person or a card (not a merchant): where drained money goes. */
	boolean toPersonOrCard() {
		return kind == Kind.TRANSFER || kind == Kind.WITHDRAWAL;
	}

	/** A person or card never paid before. */
	boolean newPersonPayee() {
		return newPayee && toPersonOrCard();
	}

	int newPayees1hWithThis() {
		return history.newPayees1h() + (newPersonPayee() ? 1 : 0);
	}

	int attempts1hWithThis() {
		return history.outAttempts1h() + 1;
	}

	int attempts24hWithThis() {
		return history.outAttempts24h() + 1;
	}

	boolean atNight() {
		return at.atZone(ZONE).getHour() < 6;
	}

	double accountAgeDays() {
		return Math.max(0, Duration.between(history.customerSince(), at).toMinutes() / (60.0 * 24));
	}

	boolean newDeviceWithin(Duration window) {
		return history.within(history.lastNewDevice(), window, at);
	}

	boolean securityChangeWithin(Duration window) {
		return history.within(history.lastSecurityChange(), window, at);
	}

}
