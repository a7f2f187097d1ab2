package com.insprl.client.internal;

import java.util.Arrays;

import org.jspecify.annotations.Nullable;

import org.springframework.lang.Contract;

/**
 * Masks a secret in text: every run of {@value #RUN} or more consecutive characters of
 * the secret (or the whole secret, if it is shorter) is replaced by {@value #MASK}, so
 * that neither the secret nor a telling part of it survives, wherever the text was cut.
 * <p>
 * Text without such a run is returned as it is, without copying; the search hashes each
 * window of the text once, so masking costs little on every reply.
 */
public final class KeyMask {

	/** The shortest run of the secret that is masked. */
	public static final int RUN = 6;

	/** What replaces each run. */
	public static final String MASK = "******";

	private static final long BASE = 1_000_003L;

	private final String secret;

	private final int run;

	private final long power;

	private final long[] windows;

	/**
	 * Create a mask for a secret.
	 * @param secret the secret, not empty
	 */
	public KeyMask(String secret) {
		this.secret = secret;
		this.run = Math.min(RUN, secret.length());
		long p = 1;
		for (int i = 1; i < this.run; i++) {
			p *= BASE;
		}
		this.power = p;
		long[] hashes = new long[secret.length() - this.run + 1];
		for (int i = 0; i < hashes.length; i++) {
			hashes[i] = hash(secret, i, this.run);
		}
		Arrays.sort(hashes);
		this.windows = hashes;
	}

	/**
	 * Return whether the text holds a run of the secret.
	 * @param text the text, may be {@code null}
	 * @return {@code true} if masking would change it
	 */
	public boolean exposes(@Nullable String text) {
		return text != null && nextRun(text, 0) >= 0;
	}

	/**
	 * Return the text with every run of the secret masked.
	 * @param text the text, may be {@code null}
	 * @return the masked text, the same instance when nothing was masked
	 */
	@Contract("!null -> !null")
	public @Nullable String mask(@Nullable String text) {
		if (text == null) {
			return null;
		}
		int start = nextRun(text, 0);
		if (start < 0) {
			return text;
		}
		StringBuilder masked = new StringBuilder(text.length());
		int copied = 0;
		while (start >= 0) {
			int end = start + this.run;
			int next = nextRun(text, start + 1);
			while (next >= 0 && next <= end) {
				end = next + this.run;
				next = nextRun(text, next + 1);
			}
			masked.append(text, copied, start).append(MASK);
			copied = end;
			start = nextRun(text, end);
		}
		return masked.append(text, copied, text.length()).toString();
	}

	/**
	 * Return where the next window of the text that is a run of the secret starts.
	 * @param text the text
	 * @param from the index to search from
	 * @return the index, or {@code -1} if there is none
	 */
	private int nextRun(String text, int from) {
		int last = text.length() - this.run;
		if (from > last) {
			return -1;
		}
		long h = hash(text, from, this.run);
		for (int i = from;; i++) {
			if (Arrays.binarySearch(this.windows, h) >= 0 && isRun(text, i)) {
				return i;
			}
			if (i == last) {
				return -1;
			}
			h = (h - text.charAt(i) * this.power) * BASE + text.charAt(i + this.run);
		}
	}

	private boolean isRun(String text, int at) {
		for (int i = 0; i + this.run <= this.secret.length(); i++) {
			if (this.secret.regionMatches(i, text, at, this.run)) {
				return true;
			}
		}
		return false;
	}

	private static long hash(String text, int from, int length) {
		long h = 0;
		for (int i = from; i < from + length; i++) {
			h = h * BASE + text.charAt(i);
		}
		return h;
	}

}
