package com.tpwallet.walletdesk.wallet.internal;

import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterUtils;
import org.springframework.jdbc.core.namedparam.ParsedSql;

/**
 * A statement written with named parameters, parsed once and run with positional ones:
 * the transfer pipeline's statements read by name, without parsing and rebuilding the SQL
 * for every batch.
 */
final class NamedStatement {

	private final ParsedSql parsed;

	private final String sql;

	NamedStatement(String named) {
		this.parsed = NamedParameterUtils.parseSqlStatement(named);
		this.sql = NamedParameterUtils.substituteNamedParameters(parsed, null);
	}

	/** The statement with {@code ?} where the names were. */
	String sql() {
		return sql;
	}

	/** The values in the order of the statement's placeholders. */
	Object[] values(Map<String, ?> params) {
		return NamedParameterUtils.buildValueArray(parsed, new MapSqlParameterSource(params), null);
	}

}
