package com.tpwallet.walletdesk.identity.internal;

import com.tpwallet.walletdesk.identity.CustomerProfile;
import com.tpwallet.walletdesk.identity.NoticeChannel;
import com.tpwallet.walletdesk.platform.Refusal;
import com.tpwallet.walletdesk.notifications.Notice;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A wallet customer's account and the security rules that guard it. */
class Customer {

	static final int MAX_FAILED_LOGINS = 5;
	static final int MAX_PIN_FAILURES = 5;
	static final Duration PIN_BLOCK = Duration.ofMinutes(30);

	final UUID id;

	@Nullable String phone;

	@Nullable String email;

	String passwordHash;

	String language;

	@Nullable String verifiedName;

	int failedLogins;

	@Nullable Instant lockedAt;

	Instant passwordChangedAt;

	@Nullable String totpSecret;

	boolean totpEnabled;

	long totpLastStep;

	@Nullable String pinHash;

	int pinFailures;

	@Nullable Instant pinBlockedUntil;

	/** The channel the customer chose for notices; null: the default. */
	@Nullable NoticeChannel noticeChannel;

	final Instant createdAt;

	Customer(UUID id, @Nullable String phone, @Nullable String email, String passwordHash, String language,
			Instant createdAt) {
		this.id = id;
		this.phone = phone;
		this.email = email;
		this.passwordHash = passwordHash;
		this.language = language;
		this.passwordChangedAt = createdAt;
		this.createdAt = createdAt;
	}

	boolean isLocked() {
		return lockedAt != null;
	}

	/**
	 * Counts a wrong password (or second factor); returns true when this attempt locked
	 * the account.
	 */
	boolean loginFailed(Instant now) {
		failedLogins++;
		if (failedLogins >= MAX_FAILED_LOGINS && lockedAt == null) {
			lockedAt = now;
			return true;
		}
		return false;
	}

	int attemptsLeft() {
		return Math.max(0, MAX_FAILED_LOGINS - failedLogins);
	}

	void loginSucceeded() {
		failedLogins = 0;
	}

	void unlock() {
		lockedAt = null;
		failedLogins = 0;
	}

	void changePassword(String newHash, Instant now) {
		passwordHash = newHash;
		passwordChangedAt = now;
	}

	boolean pinBlocked(Instant now) {
		return pinBlockedUntil != null && now.isBefore(pinBlockedUntil);
	}

	/** Counts a wrong PIN; returns true when this entry blocked payments. */
	boolean pinFailed(Instant now) {
		pinFailures++;
		if (pinFailures >= MAX_PIN_FAILURES) {
			pinFailures = 0;
			pinBlockedUntil = now.plus(PIN_BLOCK);
			return true;
		}
		return false;
	}

	void pinAccepted() {
		pinFailures = 0;
		pinBlockedUntil = null;
	}

	CustomerProfile profile() {
		return new CustomerProfile(id, phone, email, language, verifiedName, isLocked(), totpEnabled, pinHash != null,
				pinBlockedUntil, passwordChangedAt, createdAt, noticeChannel());
	}

	/**
	 * How notices reach the customer: the channel they chose while its address is on
	 * file, else by SMS to the phone, else by e-mail.
	 */
	NoticeChannel noticeChannel() {
		if (noticeChannel != null && has(noticeChannel)) {
			return noticeChannel;
		}
		return phone != null ? NoticeChannel.SMS : NoticeChannel.EMAIL;
	}

	/** Whether the account has an address for the channel. */
	boolean has(NoticeChannel channel) {
		return (channel == NoticeChannel.SMS ? phone : email) != null;
	}

	/**
	 * The customer chooses how notices reach them; only a channel with an address on
	 * file.
	 */
	void chooseNoticeChannel(NoticeChannel channel) {
		if (!has(channel)) {
			throw Refusal.unprocessable("notice_channel_unavailable");
		}
		noticeChannel = channel;
	}

	/**
	 * Adds the address the account does not have yet (a proven one: the caller checked
	 * the code sent to it).
	 */
	void addAddress(NoticeChannel kind, String address) {
		if (has(kind)) {
			throw Refusal.conflict("contact_address_exists");
		}
		if (kind == NoticeChannel.SMS) {
			phone = address;
		}
		else {
			email = address;
		}
	}

	/** A notice by the channel the customer's notices go by. */
	Notice notice(String template, Object... args) {
		return notice(noticeChannel() == NoticeChannel.EMAIL, template, args);
	}

	/**
	 * A notice by e-mail or by SMS, as asked (the caller checks that the address exists).
	 */
	Notice notice(boolean byEmail, String template, Object... args) {
		return byEmail ? Notice.email(String.valueOf(email), language, template, args)
				: Notice.sms(String.valueOf(phone), language, template, args);
	}

	/**
	 * The customer's login as shown to them: the phone number, else the e-mail address.
	 */
	String displayLogin() {
		return phone != null ? phone : String.valueOf(email);
	}

}
