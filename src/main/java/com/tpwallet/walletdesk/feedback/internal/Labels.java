package com.tpwallet.walletdesk.feedback.internal;

import java.util.List;

/**
 * The three vocabularies feedback is labelled with; codes are the stored and JSON values.
 */
final class Labels {

	static final List<String> KINDS = List.of("bug", "feature_request", "complaint", "praise", "question");

	static final List<String> AREAS = List.of("login_security", "payments", "top_up", "withdrawal", "transfers",
			"app_stability", "service_quality", "other");

	static final List<String> SENTIMENTS = List.of("negative", "neutral", "positive");

	/** Which label a field names: kind, area or sentiment. */
	enum Field {

		KIND(KINDS), AREA(AREAS), SENTIMENT(SENTIMENTS);

		final List<String> values;

		Field(List<String> values) {
			this.values = values;
		}

		String code() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

		static java.util.Optional<Field> find(String code) {
			return java.util.Arrays.stream(values()).filter(f -> f.code().equals(code)).findFirst();
		}

	}

	private Labels() {
	}

}
