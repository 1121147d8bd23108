package com.tpwallet.walletdesk.platform;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Whether a failure means the database is out of reach (down, restarting, recovering from
 * a crash), whichever library met it first: Spring's JDBC support, the connection pool,
 * or the rate limiter's own connections, or no free connection in the pool in time. Such
 * a request is answered 503 {@code service_unavailable}, and background work is tried
 * again later; the pool reconnects when the database is back.
 */
public final class DatabaseAway {

	public static final String RETRY_AFTER_SECONDS = "5";

	private DatabaseAway() {
	}

	public static boolean causes(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof DataAccessResourceFailureException || cause instanceof CannotCreateTransactionException
					|| cause instanceof SQLTransientConnectionException
					|| cause instanceof SQLNonTransientConnectionException) {
				return true;
			}
			// 08: connection exceptions; 57P01-03: the server is shutting down, crashed,
			// or cannot connect yet.
			if (cause instanceof SQLException sql && sql.getSQLState() != null
					&& (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
				return true;
			}
		}
		return false;
	}

}
