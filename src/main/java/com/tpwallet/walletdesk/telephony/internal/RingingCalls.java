package com.tpwallet.walletdesk.telephony.internal;

import com.tpwallet.walletdesk.chat.StaffNotifier;
import com.tpwallet.walletdesk.identity.CustomerProfile;
import com.tpwallet.walletdesk.identity.IdentityApi;
import com.tpwallet.walletdesk.identity.StaffMember;
import com.tpwallet.walletdesk.platform.Caller;
import com.tpwallet.walletdesk.support.SupportApi;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * While the phone rings, the agents it rings for see who is calling: the customer with
 * their open tickets, or an unknown caller. Pushed over the console's STOMP connection,
 * not polled; sent after the call is committed.
 */
@Component
class RingingCalls {

	private final StaffNotifier notifier;

	private final IdentityApi identity;

	private final SupportApi support;

	RingingCalls(StaffNotifier notifier, IdentityApi identity, SupportApi support) {
		this.notifier = notifier;
		this.identity = identity;
		this.support = support;
	}

	/**
	 * To the staff the phone system names, else to every agent who may reach the caller.
	 */
	void announce(Call call, List<String> ringsFor) {
		CustomerProfile customer = call.customerId() == null ? null : identity.customer(call.customerId()).orElse(null);
		Map<String, Object> event = new HashMap<>();
		event.put("type", "call");
		event.put("callId", call.callId());
		event.put("from", call.caller() != null ? call.caller() : call.from());
		event.put("queue", call.queue() == null ? "" : call.queue());
		if (customer != null) {
			event.put("customer", Map.of("id", customer.id(), "phone", String.valueOf(customer.phone()), "name",
					customer.verifiedName() == null ? "" : customer.verifiedName(), "language", customer.language()));
			event.put("openTickets",
					support.openTickets(customer.id())
						.stream()
						.map(t -> Map.of("id", t.id(), "number", t.number(), "subject", t.subject(), "status",
								t.status().code()))
						.toList());
		}
		for (StaffMember staff : recipients(ringsFor, customer)) {
			notifier.notifyStaff(staff.id(), event);
		}
	}

	private List<StaffMember> recipients(List<String> ringsFor, @Nullable CustomerProfile customer) {
		List<StaffMember> all = identity.staffMembers();
		if (!ringsFor.isEmpty()) {
			return all.stream().filter(m -> ringsFor.contains(m.username())).toList();
		}
		return all.stream()
			.filter(m -> m.role() == Caller.Role.AGENT || m.role() == Caller.Role.SUPERVISOR)
			.filter(m -> customer == null || m.role() == Caller.Role.SUPERVISOR
					|| m.languages().contains(customer.language()))
			.toList();
	}

}
