package com.tpwallet.walletdesk.knowledge.internal;

import java.time.Instant;

/**
 * One article as a reader gets it: in the language asked for, or in English with
 * {@code fallback} set.
 */
record Article(String slug, String category, String status, String language, boolean fallback, String title,
		String keywords, String body, String html, Instant updatedAt) {
}
