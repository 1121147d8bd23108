/**
 * The service desk: tickets (one matter of one customer across channels), queues by topic
 * and language, routing to available agents, SLA clocks in business hours, macros in four
 * languages, internal notes, CSAT, the customer-360 view, and the help centre, agent
 * console and supervisor dashboard pages.
 */
@org.jspecify.annotations.NullMarked
package com.tpwallet.walletdesk.support;
