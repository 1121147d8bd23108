package com.tpwallet.walletdesk.mail.internal;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.MessagingException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

class MailboxReaderUnitTest {

	@Test
	void aMailIsReadAgainLaterWhenTheDatabaseIsAwayOrNoConnectionIsFreeInTime() {
		assertThat(MailboxReader.readAgainLater(new DataAccessResourceFailureException("down"))).isTrue();
		assertThat(MailboxReader.readAgainLater(new CannotCreateTransactionException("Could not open JDBC Connection",
				new SQLTransientConnectionException("Connection is not available, request timed out after 3000ms"))))
			.isTrue();
	}

	@Test
	void aMailThatCannotBeReadIsSetAside() {
		assertThat(MailboxReader.readAgainLater(new MessagingException("not a mail"))).isFalse();
		assertThat(MailboxReader.readAgainLater(new IllegalArgumentException("no sender"))).isFalse();
	}

}
