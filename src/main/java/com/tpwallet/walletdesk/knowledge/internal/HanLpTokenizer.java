package com.tpwallet.walletdesk.knowledge.internal;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;
import java.io.IOException;
import java.util.Iterator;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Chinese words as HanLP segments them, with the domain dictionary forced (so 提现, 到账 and
 * 闪退 stay one word instead of falling apart into characters). Punctuation and spaces are
 * dropped.
 */
final class HanLpTokenizer extends Tokenizer {

	private final Segment segment = HanLP.newSegment().enableCustomDictionaryForcing(true).enableOffset(true);

	private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

	private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);

	private Iterator<Term> words = java.util.Collections.emptyIterator();

	private int end;

	@Override
	public boolean incrementToken() throws IOException {
		clearAttributes();
		while (words.hasNext()) {
			Term word = words.next();
			if (word.word.isBlank() || (word.nature != null && word.nature.startsWith("w"))) {
				continue;
			}
			term.setEmpty().append(word.word);
			offset.setOffset(correctOffset(word.offset), correctOffset(word.offset + word.length()));
			return true;
		}
		return false;
	}

	@Override
	public void reset() throws IOException {
		super.reset();
		StringBuilder text = new StringBuilder();
		char[] buffer = new char[1024];
		for (int n; (n = input.read(buffer)) > 0;) {
			text.append(buffer, 0, n);
		}
		end = text.length();
		words = segment.seg(text.toString()).iterator();
	}

	@Override
	public void end() throws IOException {
		super.end();
		offset.setOffset(correctOffset(end), correctOffset(end));
	}

}
