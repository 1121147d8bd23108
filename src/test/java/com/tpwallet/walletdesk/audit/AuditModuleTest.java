package com.tpwallet.walletdesk.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.tpwallet.walletdesk.platform.Actor;
import com.tpwallet.walletdesk.platform.AuditedAction;
import com.tpwallet.walletdesk.platform.ClientAddress;
import com.tpwallet.walletdesk.platform.TokenAuthenticator;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The audit module alone (with the shared platform): any module's sensitive action,
 * published as an event in its transaction, is recorded with its actor, subject and
 * details, and can be found by subject.
 */
@ApplicationModuleTest
@ActiveProfiles("test")
class AuditModuleTest {

	/** Identity issues tokens; this module test does not start it. */
	@MockitoBean
	TokenAuthenticator tokens;

	@Autowired
	AuditLog audit;

	record SomethingSensitive(UUID subjectId, Actor actor) implements AuditedAction {
		public String action() {
			return "test.something_sensitive";
		}

		public String subjectKind() {
			return "customer";
		}

		public String details() {
			return "why it matters";
		}
	}

	@Test
	void aSensitiveActionPublishedInATransactionIsRecordedWithItsActorAndSubject(Scenario scenario) {
		UUID subject = UUID.randomUUID();
		UUID staff = UUID.randomUUID();
		scenario.publish(new SomethingSensitive(subject, Actor.staff(staff, new ClientAddress("203.0.113.9", "test"))))
			.andWaitForStateChange(() -> audit.find(new AuditLog.Query(subject, null, null), null, 10).items())
			.andVerify(entries -> {
				assertThat(entries).hasSize(1);
				AuditEntry entry = entries.get(0);
				assertThat(entry.action()).isEqualTo("test.something_sensitive");
				assertThat(entry.actorId()).isEqualTo(staff);
				assertThat(entry.ip()).isEqualTo("203.0.113.9");
				assertThat(entry.details()).isEqualTo("why it matters");
			});
	}

}
