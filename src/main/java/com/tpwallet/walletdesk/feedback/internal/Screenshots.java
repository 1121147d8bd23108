package com.tpwallet.walletdesk.feedback.internal;

import com.tpwallet.walletdesk.platform.Caller;
import com.tpwallet.walletdesk.platform.Refusal;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.apache.tika.Tika;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The screenshot a customer may add to their feedback: one per piece, an image whose type
 * is sniffed from its bytes (the name and the claimed type are not believed), at most 5
 * MB.
 */
@Component
class Screenshots {

	static final int MAX_BYTES = 5 * 1024 * 1024;

	static final Set<String> IMAGES = Set.of("image/png", "image/jpeg", "image/gif", "image/webp");

	record Screenshot(String fileName, String mediaType, byte[] bytes) {
	}

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Tika tika = new Tika();

	Screenshots(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Transactional
	String add(Caller customer, UUID feedbackId, String fileName, byte[] bytes) {
		boolean own = jdbc.sql("SELECT EXISTS (SELECT FROM feedback WHERE id = ? AND customer_id = ?)")
			.params(feedbackId, customer.customerId())
			.query(Boolean.class)
			.single();
		if (!own) {
			throw Refusal.notFound("feedback_not_found");
		}
		if (bytes.length == 0) {
			throw Refusal.unprocessable("attachment_empty");
		}
		if (bytes.length > MAX_BYTES) {
			throw new Refusal(Refusal.Kind.TOO_LARGE, "attachment_too_large");
		}
		String type = tika.detect(bytes);
		if (!IMAGES.contains(type)) {
			throw Refusal.unprocessable("feedback_screenshot_not_an_image");
		}
		int added = jdbc.sql("""
				INSERT INTO feedback_screenshot (feedback_id, file_name, media_type, content, added_at)
				VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
			.params(feedbackId, fileName.length() > 255 ? fileName.substring(0, 255) : fileName, type, bytes,
					Timestamp.from(clock.instant()))
			.update();
		if (added == 0) {
			throw Refusal.conflict("feedback_screenshot_exists");
		}
		return type;
	}

	Optional<Screenshot> of(UUID feedbackId) {
		return jdbc.sql("SELECT file_name, media_type, content FROM feedback_screenshot WHERE feedback_id = ?")
			.param(feedbackId)
			.query((rs, n) -> new Screenshot(rs.getString(1), rs.getString(2), rs.getBytes(3)))
			.optional();
	}

}
