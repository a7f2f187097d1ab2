package com.insprl.client;

import java.util.regex.Pattern;

import org.springframework.util.StringUtils;

/**
 * An insprl account's CLIENT ID and CLIENT KEY. The key is a secret: {@link #toString()}
 * masks it, and {@link #redact(String)} removes it, or any part of it six characters or
 * longer, from text before that text is shown.
 * <p>
 * Both are checked when created, so that a bad value fails here, naming what is wrong,
 * and never on the wire: the key must be visible ASCII (what an HTTP header can carry),
 * the id must hold no control characters, and neither may be an unresolved {@code ${...}}
 * placeholder.
 */
public final class InsprlCredentials {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{[^}]*}");

	private final String clientId;

	private final String clientKey;

	private final KeyMask mask;

	/**
	 * Create credentials.
	 * @param clientId the account's CLIENT ID
	 * @param clientKey the account's CLIENT KEY
	 * @throws IllegalArgumentException if either is unusable; the message never holds the
	 * key
	 */
	public InsprlCredentials(String clientId, String clientKey) {
		String idProblem = clientIdProblem(clientId);
		if (idProblem != null) {
			throw new IllegalArgumentException("clientId " + idProblem);
		}
		String keyProblem = clientKeyProblem(clientKey);
		if (keyProblem != null) {
			throw new IllegalArgumentException("clientKey " + keyProblem);
		}
		this.clientId = clientId;
		this.clientKey = clientKey;
		this.mask = new KeyMask(clientKey);
	}

	/**
	 * Return what is wrong with a CLIENT ID, in words that never quote it.
	 * @param clientId the id to check
	 * @return the problem, such as {@code "is not set"}, or {@code null} if it is usable
	 */
	public static String clientIdProblem(String clientId) {
		if (!StringUtils.hasText(clientId)) {
			return "is not set (the account's CLIENT ID)";
		}
		if (PLACEHOLDER.matcher(clientId).find()) {
			return "is an unresolved placeholder ${...}: the variable or property it refers to is not set";
		}
		for (int i = 0; i < clientId.length(); i++) {
			char c = clientId.charAt(i);
			if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
				return "contains control characters (such as CR or LF), which must never reach an HTTP request";
			}
		}
		return null;
	}

	/**
	 * Return what is wrong with a CLIENT KEY, in words that never quote it.
	 * @param clientKey the key to check
	 * @return the problem, such as {@code "is not set"}, or {@code null} if it is usable
	 */
	public static String clientKeyProblem(String clientKey) {
		if (!StringUtils.hasText(clientKey)) {
			return "is not set (the account's CLIENT KEY)";
		}
		if (PLACEHOLDER.matcher(clientKey).find()) {
			return "is an unresolved placeholder ${...}: the variable or property it refers to is not set";
		}
		for (int i = 0; i < clientKey.length(); i++) {
			char c = clientKey.charAt(i);
			if (c < 0x21 || c > 0x7E) {
				return "contains a character an HTTP header cannot carry (at position " + (i + 1) + " of "
						+ clientKey.length() + "): the key must be visible ASCII, without spaces or control "
						+ "characters; check for a stray character copied with it";
			}
		}
		return null;
	}

	public String getClientId() {
		return this.clientId;
	}

	/**
	 * Return the value of the {@code Authorization} header for the given scheme.
	 * @param scheme the scheme of the endpoint family
	 * @return the header value
	 */
	String authorization(InsprlOperation.AuthScheme scheme) {
		return (scheme == InsprlOperation.AuthScheme.BEARER) ? "Bearer " + this.clientKey : this.clientKey;
	}

	/**
	 * Return the given text with the client key masked: the whole key, and any run of six
	 * or more of its consecutive characters.
	 * @param text the text, may be {@code null}
	 * @return the text without the key
	 */
	public String redact(String text) {
		return this.mask.mask(text);
	}

	/**
	 * Return whether the given text holds the client key or a run of six or more of its
	 * consecutive characters.
	 * @param text the text, may be {@code null}
	 * @return {@code true} if the text would be changed by {@link #redact(String)}
	 */
	public boolean exposesKey(String text) {
		return this.mask.exposes(text);
	}

	@Override
	public String toString() {
		return "InsprlCredentials{clientId='" + this.clientId + "', clientKey='" + KeyMask.MASK + "'}";
	}

}
