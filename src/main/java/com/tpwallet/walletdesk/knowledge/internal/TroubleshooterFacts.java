package com.tpwallet.walletdesk.knowledge.internal;

import com.tpwallet.walletdesk.identity.IdentityApi;
import com.tpwallet.walletdesk.knowledge.SelfServiceFacts;
import com.tpwallet.walletdesk.platform.Refusal;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The troubleshooters run for a customer proven by another channel. */
@Component
class TroubleshooterFacts implements SelfServiceFacts {

	private final List<Troubleshooter> troubleshooters;

	private final IdentityApi identity;

	private final MessageSource messages;

	private final Clock clock;

	TroubleshooterFacts(List<Troubleshooter> troubleshooters, IdentityApi identity, MessageSource messages,
			Clock clock) {
		this.troubleshooters = troubleshooters;
		this.identity = identity;
		this.messages = messages;
		this.clock = clock;
	}

	@Override
	public List<String> findings(String id, UUID customerId, Locale language) {
		Troubleshooter troubleshooter = troubleshooters.stream()
			.filter(t -> t.id().equals(id))
			.findFirst()
			.orElseThrow(() -> Refusal.notFound("troubleshooter_not_found"));
		var customer = identity.customer(customerId).orElseThrow(() -> Refusal.notFound("customer_not_found"));
		return troubleshooter
			.diagnose(new Troubleshooter.Situation(customer, clock.instant(), new Wording(messages, language), null,
					null))
			.stream()
			.map(Troubleshooter.Finding::message)
			.toList();
	}

}
