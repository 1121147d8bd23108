package com.tpwallet.walletdesk.telephony.internal;

/**
 * A TwiML {@code <Response>} document, built verb by verb; every text is XML-escaped.
 */
final class TwiML {

	private final StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response>");

	/** A spoken text in a language (a BCP 47 tag the voice platform knows, as cmn-CN). */
	TwiML say(String voiceLanguage, String text) {
		xml.append("<Say language=\"").append(voiceLanguage).append("\">").append(escape(text)).append("</Say>");
		return this;
	}

	/**
	 * Waits for digits, speaking the prompts meanwhile; the digits go to {@code action}.
	 */
	TwiML gather(String action, int digits, int timeoutSeconds, java.util.function.Consumer<TwiML> prompts) {
		xml.append("<Gather input=\"dtmf\" numDigits=\"")
			.append(digits)
			.append("\" timeout=\"")
			.append(timeoutSeconds)
			.append("\" action=\"")
			.append(escape(action))
			.append("\" method=\"POST\">");
		prompts.accept(this);
		xml.append("</Gather>");
		return this;
	}

	TwiML redirect(String url) {
		xml.append("<Redirect method=\"POST\">").append(escape(url)).append("</Redirect>");
		return this;
	}

	TwiML enqueue(String queue) {
		xml.append("<Enqueue>").append(escape(queue)).append("</Enqueue>");
		return this;
	}

	TwiML record(String action, int maxSeconds) {
		xml.append("<Record action=\"")
			.append(escape(action))
			.append("\" method=\"POST\" maxLength=\"")
			.append(maxSeconds)
			.append("\" playBeep=\"true\"/>");
		return this;
	}

	TwiML hangup() {
		xml.append("<Hangup/>");
		return this;
	}

	@Override
	public String toString() {
		return xml + "</Response>";
	}

	private static String escape(String text) {
		return text.replace("&", "&amp;")
			.replace("<", "&lt;")
			.replace(">", "&gt;")
			.replace("\"", "&quot;")
			.replace("'", "&apos;");
	}

}
