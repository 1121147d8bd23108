/**
 * Customers' feedback from every channel (the feedback form, satisfaction comments,
 * tickets agents mark), classified by a trained text model into kind, product area and
 * sentiment in four languages, grouped across languages, and reported to the product team
 * (a page, a CSV, a weekly e-mail); product marks groups planned or shipped, and
 * customers hear when what they asked for ships.
 */
@org.jspecify.annotations.NullMarked
package com.tpwallet.walletdesk.feedback;
