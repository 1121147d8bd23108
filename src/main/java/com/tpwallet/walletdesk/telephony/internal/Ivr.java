package com.tpwallet.walletdesk.telephony.internal;

import com.tpwallet.walletdesk.identity.CustomerProfile;
import com.tpwallet.walletdesk.identity.IdentityApi;
import com.tpwallet.walletdesk.knowledge.SelfServiceFacts;
import com.tpwallet.walletdesk.platform.ClientAddress;
import com.tpwallet.walletdesk.support.EntryKind;
import com.tpwallet.walletdesk.support.SupportApi;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The hotline's voice menu in TwiML, one answer per request of the voice platform, the
 * state kept per CallSid: the language (each option spoken in its own), then the topic;
 * self-service after an SMS code (the troubleshooters' own findings); an agent in working
 * hours, else a voice message or a callback. Anything unexpected gets a spoken apology
 * and the menu again, never an error.
 */
@Service
class Ivr {

	static final String PATH = "/api/v1/telephony/ivr";

	/** The languages in menu order, with the tag voice platforms speak them by. */
	static final List<String> LANGUAGES = List.of("zh-CN", "en", "fr", "de");

	static final Map<String, String> VOICE = Map.of("zh-CN", "cmn-CN", "en", "en-US", "fr", "fr-FR", "de", "de-DE");

	/** The topic digits: the troubleshooter that answers each by itself, if any. */
	static final Map<String, String> SELF_SERVICE = Map.of("2", "payment-failed", "3", "withdrawal-not-arrived");

	enum Step {

		LANGUAGE, TOPIC, CODE, AFTER_HOURS

	}

	private final JdbcClient jdbc;

	private final MessageSource messages;

	private final IdentityApi identity;

	private final SupportApi support;

	private final SelfServiceFacts facts;

	private final Clock clock;

	Ivr(JdbcClient jdbc, MessageSource messages, IdentityApi identity, SupportApi support, SelfServiceFacts facts,
			Clock clock) {
		this.jdbc = jdbc;
		this.messages = messages;
		this.identity = identity;
		this.support = support;
		this.facts = facts;
		this.clock = clock;
	}

	record Session(String callSid, @Nullable String caller, @Nullable String language, Step step,
			@Nullable String topic) {
	}

	/** The next TwiML document for what the caller just did. */
	String answer(@Nullable String callSid, @Nullable String from, @Nullable String digits,
			@Nullable String recording) {
		if (callSid == null || callSid.isBlank() || callSid.length() > 100) {
			return languageMenu(new TwiML(), null).toString();
		}
		Optional<Session> found = find(callSid);
		if (found.isEmpty()) {
			String caller = from == null ? null : PhoneNumbers.e164(from).orElse(null);
			Session started = save(new Session(callSid, caller, null, Step.LANGUAGE, null));
			if (digits == null || digits.isBlank()) {
				return languageMenu(new TwiML(), started.caller()).toString();
			}
			found = Optional.of(started);
		}
		Session s = found.get();
		if (recording != null && !recording.isBlank()) {
			return voiceMessage(s, recording);
		}
		String d = digits == null ? "" : digits.strip();
		return switch (s.step()) {
			case LANGUAGE -> chooseLanguage(s, d);
			case TOPIC -> chooseTopic(s, d);
			case CODE -> checkCode(s, d);
			case AFTER_HOURS -> afterHours(s, d);
		};
	}

	private String chooseLanguage(Session s, String digits) {
		int choice = digits.matches("[1-4]") ? Integer.parseInt(digits) - 1 : -1;
		if (choice < 0) {
			return languageMenu(sorry(new TwiML(), "en"), s.caller()).toString();
		}
		String language = LANGUAGES.get(choice);
		return topicMenu(new TwiML(), save(new Session(s.callSid(), s.caller(), language, Step.TOPIC, null)))
			.toString();
	}

	private String chooseTopic(Session s, String digits) {
		String language = languageOf(s);
		Optional<UUID> customer = customer(s);
		if (digits.equals("0")) {
			if (support.isOpen(clock.instant()) && !waitTooLong(language)) {
				return new TwiML().say(VOICE.get(language), text(language, "ivr.connecting"))
					.enqueue("hotline-" + language)
					.toString();
			}
			save(new Session(s.callSid(), s.caller(), language, Step.AFTER_HOURS, null));
			return new TwiML()
				.gather(PATH, 1, 8,
						t -> t.say(VOICE.get(language), text(language, "ivr.closed", support.openingHours())))
				.redirect(PATH)
				.toString();
		}
		if (SELF_SERVICE.containsKey(digits) && customer.isPresent() && s.caller() != null) {
			identity.sendVerificationCode(s.caller(), ClientAddress.INTERNAL);
			save(new Session(s.callSid(), s.caller(), language, Step.CODE, SELF_SERVICE.get(digits)));
			return new TwiML().gather(PATH, 6, 20, t -> t.say(VOICE.get(language), text(language, "ivr.code")))
				.redirect(PATH)
				.toString();
		}
		if (digits.matches("[1-4]")) {
			TwiML answer = new TwiML().say(VOICE.get(language), text(language, "ivr.topic." + digits));
			return topicMenu(answer, s).toString();
		}
		return topicMenu(sorry(new TwiML(), language), s).toString();
	}

	/**
	 * The SMS code proves the caller; then the troubleshooter's findings are read out.
	 */
	private String checkCode(Session s, String digits) {
		String language = languageOf(s);
		Session back = save(new Session(s.callSid(), s.caller(), language, Step.TOPIC, null));
		Optional<CustomerProfile> proven = s.caller() == null || !digits.matches("\\d{6}") ? Optional.empty()
				: identity.customerProvenByCode(s.caller(), digits);
		if (proven.isEmpty() || s.topic() == null) {
			return topicMenu(new TwiML().say(VOICE.get(language), text(language, "ivr.code.wrong")), back).toString();
		}
		TwiML answer = new TwiML();
		for (String finding : facts.findings(s.topic(), proven.get().id(), Locale.forLanguageTag(language))) {
			answer.say(VOICE.get(language), finding);
		}
		return topicMenu(answer, back).toString();
	}

	private String afterHours(Session s, String digits) {
		String language = languageOf(s);
		Optional<UUID> customer = customer(s);
		if (digits.equals("1")) {
			return new TwiML().say(VOICE.get(language), text(language, "ivr.record"))
				.record(PATH, 120)
				.say(VOICE.get(language), text(language, "ivr.goodbye"))
				.hangup()
				.toString();
		}
		if (digits.equals("2") && customer.isPresent()) {
			support.openTicket(customer.get(),
					new SupportApi.NewTicket(text(language, "phone.callback.subject", s.caller()),
							text(language, "phone.callback.requested", s.caller()), language, null, "phone", null));
			return new TwiML().say(VOICE.get(language), text(language, "ivr.callback")).hangup().toString();
		}
		return new TwiML()
			.gather(PATH, 1, 8,
					t -> sorry(t, language).say(VOICE.get(language),
							text(language, "ivr.closed", support.openingHours())))
			.redirect(PATH)
			.toString();
	}

	/** A voice message becomes a ticket entry with its recording's address. */
	private String voiceMessage(Session s, String recording) {
		String language = languageOf(s);
		Optional<UUID> customer = customer(s);
		String url = recording.length() > 500 ? recording.substring(0, 500) : recording;
		if (customer.isPresent()) {
			UUID ticket = support
				.openTicket(customer.get(),
						new SupportApi.NewTicket(text(language, "phone.voicemail.subject", s.caller()),
								text(language, "phone.voicemail.body", url), language, null, "phone", null))
				.id();
			support.addEntry(ticket, EntryKind.SYSTEM, null, "voicemail:" + url);
		}
		return new TwiML().say(VOICE.get(language), text(language, "ivr.goodbye")).hangup().toString();
	}

	/**
	 * Each language offered in itself; a Chinese number that chooses nothing continues in
	 * Chinese.
	 */
	private TwiML languageMenu(TwiML twiml, @Nullable String caller) {
		twiml.gather(PATH, 1, 6, t -> {
			for (int i = 0; i < LANGUAGES.size(); i++) {
				String language = LANGUAGES.get(i);
				t.say(VOICE.get(language), text(language, "ivr.language", i + 1));
			}
		});
		return twiml.redirect(caller != null && PhoneNumbers.isChinese(caller) ? PATH + "?Digits=1" : PATH);
	}

	private TwiML topicMenu(TwiML twiml, Session s) {
		String language = languageOf(s);
		return twiml.gather(PATH, 1, 8, t -> t.say(VOICE.get(language), text(language, "ivr.topics"))).redirect(PATH);
	}

	private TwiML sorry(TwiML twiml, String language) {
		return twiml.say(VOICE.get(language), text(language, "ivr.sorry"));
	}

	private static String languageOf(Session s) {
		return s.language() != null ? s.language() : "en";
	}

	/**
	 * Callers waiting in the queue now, times the minutes an agent takes per call, shared
	 * among the agents who speak the language: over the limit, the caller is offered a
	 * voice message or a callback instead of the queue.
	 */
	private boolean waitTooLong(String language) {
		int agents = support.availableAgents(language).size();
		if (agents == 0) {
			return true;
		}
		long waiting = jdbc.sql("""
				SELECT count(*) FROM phone_call WHERE state = 'ringing' AND queue IS NOT NULL AND started_at > ?""")
			.param(Timestamp.from(clock.instant().minus(java.time.Duration.ofHours(1))))
			.query(Long.class)
			.single();
		return (waiting + 1) * MINUTES_PER_CALL / agents > MAX_WAIT_MINUTES;
	}

	/** What an agent spends on a call, on average, for the wait estimate. */
	static final int MINUTES_PER_CALL = 6;

	/** Longer than this, and the caller is offered a message or a callback. */
	static final int MAX_WAIT_MINUTES = 10;

	private Optional<UUID> customer(Session s) {
		return s.caller() == null ? Optional.empty() : identity.customerByLogin(s.caller()).map(CustomerProfile::id);
	}

	private String text(String language, String key, Object... args) {
		return messages.getMessage(key, args, Locale.forLanguageTag(language));
	}

	private Optional<Session> find(String callSid) {
		return jdbc.sql("SELECT * FROM ivr_session WHERE call_sid = ?")
			.param(callSid)
			.query((rs, n) -> new Session(rs.getString("call_sid"), rs.getString("caller"), rs.getString("language"),
					Step.valueOf(rs.getString("step")), rs.getString("topic")))
			.optional();
	}

	private Session save(Session s) {
		jdbc.sql("""
				INSERT INTO ivr_session (call_sid, caller, language, step, topic, updated_at) VALUES (?, ?, ?, ?, ?, ?)
				ON CONFLICT (call_sid) DO UPDATE SET language = excluded.language, step = excluded.step,
				  topic = excluded.topic, updated_at = excluded.updated_at""")
			.params(s.callSid(), s.caller(), s.language(), s.step().name(), s.topic(), Timestamp.from(clock.instant()))
			.update();
		return s;
	}

}
