package com.tpwallet.walletdesk.mail.internal;

import com.ibm.icu.text.CharsetDetector;
import com.ibm.icu.text.CharsetMatch;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Turning a mail's bytes into text. Chinese mail labelled GB2312 is very often GBK, so
 * GB2312 and GBK are read as GB18030, which contains both (FreeScout #4282). A part
 * without a charset is read as UTF-8 when it is valid UTF-8, else detected (Zammad
 * #6144).
 */
final class MailCharsets {

	private static final Pattern ENCODED_WORD_CHARSET = Pattern.compile("=\\?(gb2312|gbk|x-gbk|cp936|euc-cn)([?*])",
			Pattern.CASE_INSENSITIVE);

	private MailCharsets() {
	}

	static Charset forLabel(@Nullable String label, byte[] bytes) {
		if (label == null || label.isBlank()) {
			return detect(bytes);
		}
		String name = label.strip().replace("\"", "").toLowerCase(Locale.ROOT);
		if (name.matches("gb2312|gbk|x-gbk|cp936|euc-cn|gb_2312-80|ms936|windows-936")) {
			return Charset.forName("GB18030");
		}
		try {
			return Charset.forName(name);
		}
		catch (RuntimeException unknown) {
			return detect(bytes);
		}
	}

	static String decode(byte[] bytes, @Nullable String label) {
		return new String(bytes, forLabel(label, bytes));
	}

	/**
	 * UTF-8 when the bytes are valid UTF-8 (ASCII included), else what ICU finds most
	 * likely.
	 */
	static Charset detect(byte[] bytes) {
		if (isUtf8(bytes)) {
			return StandardCharsets.UTF_8;
		}
		CharsetDetector detector = new CharsetDetector();
		detector.setText(bytes);
		CharsetMatch match = detector.detect();
		if (match == null) {
			return StandardCharsets.ISO_8859_1;
		}
		String name = match.getName();
		return name.equalsIgnoreCase("GB18030") || name.equalsIgnoreCase("GB2312") ? Charset.forName("GB18030")
				: Charset.isSupported(name) ? Charset.forName(name) : StandardCharsets.ISO_8859_1;
	}

	private static boolean isUtf8(byte[] bytes) {
		try {
			StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes));
			return true;
		}
		catch (java.nio.charset.CharacterCodingException e) {
			return false;
		}
	}

	/**
	 * An RFC 2047 header with its GB2312/GBK words relabelled GB18030, so that the
	 * library's decoder reads them whole.
	 */
	static String widenEncodedWords(String header) {
		Matcher m = ENCODED_WORD_CHARSET.matcher(header);
		return m.replaceAll("=?GB18030$2");
	}

	/**
	 * A header that came as raw 8-bit bytes (no RFC 2047 words) is read back from its
	 * bytes, as the library holds them one byte per char.
	 */
	static String rawHeader(String value) {
		boolean eightBit = value.chars().anyMatch(c -> c > 0x7f && c <= 0xff) && value.chars().noneMatch(c -> c > 0xff);
		if (!eightBit) {
			return value;
		}
		byte[] bytes = value.getBytes(StandardCharsets.ISO_8859_1);
		return new String(bytes, detect(bytes));
	}

}
