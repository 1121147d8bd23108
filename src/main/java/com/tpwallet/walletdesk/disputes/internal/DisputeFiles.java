package com.tpwallet.walletdesk.disputes.internal;

import com.tpwallet.walletdesk.platform.Refusal;
import com.tpwallet.walletdesk.support.SupportApi;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * A dispute's evidence file, served as the ticket's files are: always as an attachment,
 * never rendered by the browser (the console shows images from the bytes it fetched).
 */
@Component
class DisputeFiles {

	private final DisputeViews views;

	private final SupportApi support;

	DisputeFiles(DisputeViews views, SupportApi support) {
		this.views = views;
		this.support = support;
	}

	ResponseEntity<byte[]> download(Dispute d, UUID evidenceId) {
		DisputeRepository.Evidence e = views.evidenceOf(d, evidenceId);
		SupportApi.FileContent file = support.file(e.attachmentId())
			.orElseThrow(() -> Refusal.notFound("dispute_evidence_not_found"));
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(file.mediaType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(file.fileName(), StandardCharsets.UTF_8)
						.build()
						.toString())
			.body(file.bytes());
	}

}
