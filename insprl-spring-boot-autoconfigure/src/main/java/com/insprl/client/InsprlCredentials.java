package com.insprl.client;

import org.springframework.util.Assert;

/**
 * An insprl account's CLIENT ID and CLIENT KEY. The key is a secret: {@link #toString()}
 * masks it, and {@link #redact(String)} removes it from any text before that text is shown.
 */
public final class InsprlCredentials {

	private static final String MASK = "******";

	private final String clientId;

	private final String clientKey;

	/**
	 * Create credentials.
	 * @param clientId the account's CLIENT ID
	 * @param clientKey the account's CLIENT KEY
	 * @throws IllegalArgumentException if either is blank or holds control characters
	 */
	public InsprlCredentials(String clientId, String clientKey) {
		Assert.hasText(clientId, "clientId must not be blank");
		Assert.hasText(clientKey, "clientKey must not be blank");
		Assert.isTrue(!hasControlCharacter(clientId), "clientId must not contain control characters");
		Assert.isTrue(!hasControlCharacter(clientKey),
				"clientKey must not contain control characters (such as CR or LF)");
		this.clientId = clientId;
		this.clientKey = clientKey;
	}

	/**
	 * Return whether the given text holds a control character (CR, LF, TAB, NUL, ...), which
	 * must never reach an HTTP header.
	 * @param text the text to check
	 * @return {@code true} if a control character is present
	 */
	public static boolean hasControlCharacter(String text) {
		for (int i = 0; i < text.length(); i++) {
			if (Character.isISOControl(text.charAt(i))) {
				return true;
			}
		}
		return false;
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
	 * Return the given text with every occurrence of the client key masked.
	 * @param text the text, may be {@code null}
	 * @return the text without the key
	 */
	public String redact(String text) {
		return (text != null && text.contains(this.clientKey)) ? text.replace(this.clientKey, MASK) : text;
	}

	@Override
	public String toString() {
		return "InsprlCredentials{clientId='" + this.clientId + "', clientKey='" + MASK + "'}";
	}

}
