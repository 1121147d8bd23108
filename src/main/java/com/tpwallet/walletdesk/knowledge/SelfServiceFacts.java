package com.tpwallet.walletdesk.knowledge;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The troubleshooters' findings for a customer whose identity another channel has proven
 * (the phone's SMS code), in words: the same facts, never rewritten.
 */
public interface SelfServiceFacts {

	/**
	 * What the troubleshooter finds ({@code payment-failed},
	 * {@code withdrawal-not-arrived}, …), each finding one sentence in the language.
	 */
	List<String> findings(String troubleshooter, UUID customerId, Locale language);

}
