/**
 * The knowledge base: help articles in zh-CN, en, fr and de (drafts, published versions,
 * edit history, English fallback), language-aware full-text search, the answer bot
 * ({@link AnswerBot}) and the guided troubleshooters that read the customer's real
 * account state.
 */
@org.jspecify.annotations.NullMarked
package com.tpwallet.walletdesk.knowledge;
