package com.tpwallet.walletdesk.support.internal;

import com.tpwallet.walletdesk.support.EntryKind;
import com.tpwallet.walletdesk.support.TicketStatus;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What the API shows of tickets: customers see the conversation; staff also see notes,
 * routing and the SLA clock.
 */
final class TicketViews {

	private TicketViews() {
	}

	record CustomerTicket(UUID id, long number, String subject, TicketStatus status, String channel, String language,
			@Nullable UUID transactionId, @Nullable Integer satisfaction, Instant createdAt, Instant updatedAt) {

		static CustomerTicket of(Ticket t) {
			return new CustomerTicket(t.id, t.number, t.subject, customerStatus(t.status), t.channel, t.language,
					t.transactionId, t.csatScore, t.createdAt, t.updatedAt);
		}

		/**
		 * Customers need not know whether we wait on a third party: on hold reads as
		 * open.
		 */
		private static TicketStatus customerStatus(TicketStatus status) {
			return status == TicketStatus.ON_HOLD ? TicketStatus.OPEN : status;
		}
	}

	/**
	 * One entry of the conversation; {@code delivery} is how a reply sent by e-mail fared
	 * (queued, sent, failed), with the mail server's answer when it failed.
	 */
	@com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
	/**
	 * An entry of the conversation. A reply written in another language and machine
	 * translated carries its {@code original}; a customer's words read by staff of
	 * another language carry a {@code translation}; {@code translatedBy} names the
	 * provider.
	 */
	record EntryView(long id, EntryKind kind, @Nullable UUID authorId, String body, Instant createdAt,
			@Nullable String delivery, @Nullable String deliveryDetail, boolean machineTranslated,
			@Nullable String translatedBy, @Nullable String original, @Nullable String originalLanguage,
			@Nullable String translation, @Nullable String translationLanguage) {
		static EntryView of(TicketRepository.Entry e) {
			return new EntryView(e.id(), e.kind(), e.authorId(), e.body(), e.createdAt(), e.deliveryState(),
					e.deliveryDetail(), false, null, null, null, null, null);
		}

		EntryView translatedFrom(String originalText, String language, String provider) {
			return new EntryView(id, kind, authorId, body, createdAt, delivery, deliveryDetail, true, provider,
					originalText, language, translation, translationLanguage);
		}

		EntryView withTranslation(String text, String language, String provider) {
			return new EntryView(id, kind, authorId, body, createdAt, delivery, deliveryDetail, true, provider,
					original, originalLanguage, text, language);
		}
	}

	record CustomerTicketDetail(CustomerTicket ticket, List<EntryView> entries) {
	}

	record Sla(@Nullable Instant firstResponseDue, @Nullable Instant resolutionDue, @Nullable Instant firstRespondedAt,
			boolean paused, boolean firstResponseBreached, boolean resolutionBreached,
			@Nullable Long firstResponseMinutesLeft, @Nullable Long resolutionMinutesLeft) {
	}

	record StaffTicket(UUID id, long number, @Nullable UUID customerId, String subject, TicketStatus status,
			String priority, String channel, String language, String queue, @Nullable UUID assigneeId,
			List<String> tags, @Nullable UUID transactionId, Sla sla, @Nullable Integer satisfaction,
			@Nullable String satisfactionComment, Instant createdAt, Instant updatedAt,
			com.tpwallet.walletdesk.support.@Nullable StatedContact statedContact) {
	}

	/**
	 * {@code needsSpeaker}: the language of the customer when machine translation could
	 * not carry the conversation and it waits for a person who speaks it.
	 */
	record StaffTicketDetail(StaffTicket ticket, List<EntryView> entries, @Nullable String needsSpeaker) {
	}

}
