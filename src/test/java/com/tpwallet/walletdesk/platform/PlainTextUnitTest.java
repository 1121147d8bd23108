package com.tpwallet.walletdesk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class PlainTextUnitTest {

	@Test
	void tagsAreRemovedAndOrdinaryTextIsKept() {
		assertThat(PlainText.of("<script>alert(1)</script>hello <b>world</b>")).isEqualTo("hello world");
		assertThat(PlainText.of("3 < 5 and 7 > 2")).isEqualTo("3 < 5 and 7 > 2");
		assertThat(PlainText.of("提现 &amp; 充值")).isEqualTo("提现 & 充值");
		assertThat(PlainText.of("  Où est mon retrait ?  ")).isEqualTo("Où est mon retrait ?");
	}

	@Test
	void aTagWrittenAsEntitiesIsJudgedAsTheTagItBecomes() {
		assertThat(PlainText.of("&lt;img src=x onerror=alert(1)&gt;")).doesNotContain("<img").doesNotContain("onerror");
		assertThat(PlainText.of("&amp;lt;img src=x onerror=alert(1)&amp;gt;")).doesNotContain("<img");
		assertThat(PlainText.of("&#60;script&#62;alert(1)&#60;/script&#62;")).doesNotContain("<script");
		assertThat(PlainText.of("<<b>img src=x onerror=alert(1)>")).doesNotContain("<img");
	}

	@Test
	void fuzzedInputNeverLeavesATagThatAnHtmlParserWouldRead() {
		String[] parts = { "<", ">", "&lt;", "&gt;", "&amp;", "&#60;", "&#x3c;", "img", "script",
				" src=x onerror=alert(1)", "/", "<b>", "</b>", "\"", "'", "a", " ", "李", "\n", "<!--", "-->",
				"svg onload=x", "<<", ">>", "&" };
		Random random = new Random(20261127);
		for (int i = 0; i < 20_000; i++) {
			StringBuilder input = new StringBuilder();
			for (int n = 1 + random.nextInt(10); n > 0; n--) {
				input.append(parts[random.nextInt(parts.length)]);
			}
			String text = PlainText.of(input.toString());
			assertThat(PlainText.of(text)).as("plain text is a fixed point: nothing left to strip in %s", input)
				.isEqualTo(text);
			assertThat(text.toLowerCase()).as(input.toString()).doesNotContain("<img", "<script", "<svg", "<b>");
		}
	}

}
