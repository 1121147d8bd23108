package com.tpwallet.walletdesk.disputes.internal;

import com.tpwallet.walletdesk.platform.Refusal;
import com.tpwallet.walletdesk.support.SupportApi;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** A dispute's evidence file: kept on the dispute's ticket, with the ticket's checks. */
@Component
class DisputeFiles {

	private final DisputeViews views;

	private final SupportApi support;

	DisputeFiles(DisputeViews views, SupportApi support) {
		this.views = views;
		this.support = support;
	}

	SupportApi.FileContent content(Dispute d, UUID evidenceId) {
		DisputeRepository.Evidence e = views.evidenceOf(d, evidenceId);
		return support.file(e.attachmentId()).orElseThrow(() -> Refusal.notFound("dispute_evidence_not_found"));
	}

}
