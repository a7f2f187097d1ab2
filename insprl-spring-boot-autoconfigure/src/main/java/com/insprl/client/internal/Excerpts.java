package com.insprl.client.internal;

import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;

/**
 * Short, masked excerpts of what insprl sent, for messages: whitespace and control
 * characters folded to single spaces, the key masked before the text is cut.
 */
public final class Excerpts {

	/** The most characters an excerpt of a body keeps. */
	public static final int LENGTH = 120;

	private Excerpts() {
	}

	/**
	 * Return the start of a body as one line.
	 * @param body the body
	 * @param mask masks the key in a text
	 * @return the excerpt, ending in {@code ...} when cut
	 */
	public static String of(byte[] body, UnaryOperator<String> mask) {
		int length = Math.min(body.length, LENGTH * 4);
		String text = mask.apply(new String(body, 0, length, StandardCharsets.UTF_8));
		StringBuilder clean = new StringBuilder(LENGTH);
		boolean space = false;
		for (int i = 0; i < text.length() && clean.length() < LENGTH; i++) {
			char c = text.charAt(i);
			if (Character.isWhitespace(c) || Character.isISOControl(c)) {
				space = clean.length() > 0;
				continue;
			}
			if (space) {
				clean.append(' ');
				space = false;
			}
			clean.append(c);
		}
		boolean cut = clean.length() >= LENGTH || length < body.length;
		return clean + (cut ? "..." : "");
	}

	/**
	 * Cut a text to a length.
	 * @param text the text
	 * @param max the most characters kept
	 * @return the text, ending in {@code ...} when cut
	 */
	public static String truncate(String text, int max) {
		return (text.length() <= max) ? text : text.substring(0, max) + "...";
	}

}
