/**
 * Help articles: a stable slug, a category, a title and a Markdown body in zh-CN, en, fr and de, drafts and
 * published versions with their edit history; read in the reader's language with an English fallback.
 * (Search, the answer bot and the troubleshooters are still to come.)
 */
@org.jspecify.annotations.NullMarked
package com.tpwallet.walletdesk.knowledge;
