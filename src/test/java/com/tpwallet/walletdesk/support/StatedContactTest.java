package com.tpwallet.walletdesk.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.tpwallet.walletdesk.platform.Refusal;
import org.junit.jupiter.api.Test;

class StatedContactTest {

	@Test
	void aPhoneNumberInAnyCommonNotationIsKeptInE164AndAnEmailInLowerCase() {
		assertThat(StatedContact.of(" Wang Fang ", "138 0013 8000", null))
			.isEqualTo(new StatedContact("Wang Fang", "+8613800138000", null));
		assertThat(StatedContact.of("Lea", "+33 6 12 34 56 78", "Lea.Martin@Example.FR"))
			.isEqualTo(new StatedContact("Lea", "+33612345678", "lea.martin@example.fr"));
	}

	@Test
	void thePhoneIsWhereTheAnswerGoesElseTheEmail() {
		assertThat(StatedContact.of("Lea", "+33612345678", "lea@example.fr").reach()).isEqualTo("+33612345678");
		assertThat(StatedContact.of("Lea", " ", "lea@example.fr").reach()).isEqualTo("lea@example.fr");
	}

	@Test
	void aNameAndAWayToAnswerAreRequired() {
		assertThat(refusal(() -> StatedContact.of(" ", "13800138000", null))).isEqualTo("visitor_name_required");
		assertThat(refusal(() -> StatedContact.of("Lea", "", null))).isEqualTo("visitor_contact_required");
	}

	@Test
	void anInvalidPhoneOrEmailIsRefusedWithItsOwnCode() {
		assertThat(refusal(() -> StatedContact.of("Lea", "12345", null))).isEqualTo("visitor_phone_invalid");
		assertThat(refusal(() -> StatedContact.of("Lea", null, "not an address"))).isEqualTo("visitor_email_invalid");
	}

	private static String refusal(Runnable stated) {
		try {
			stated.run();
		}
		catch (Refusal r) {
			return r.code();
		}
		throw new AssertionError("not refused");
	}

	@Test
	void markupInTheNameIsStripped() {
		assertThat(StatedContact.of("<b>Lea</b><script>x()</script>", null, "lea@example.fr").name()).isEqualTo("Lea");
	}

}
