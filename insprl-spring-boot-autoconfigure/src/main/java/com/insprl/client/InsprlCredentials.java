package com.insprl.client;

import com.insprl.client.internal.CredentialRules;
import com.insprl.client.internal.KeyMask;
import org.jspecify.annotations.Nullable;

import org.springframework.lang.Contract;

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
		String idProblem = CredentialRules.clientIdProblem(clientId);
		if (idProblem != null) {
			throw new IllegalArgumentException("clientId " + idProblem);
		}
		String keyProblem = CredentialRules.clientKeyProblem(clientKey);
		if (keyProblem != null) {
			throw new IllegalArgumentException("clientKey " + keyProblem);
		}
		this.clientId = clientId;
		this.clientKey = clientKey;
		this.mask = new KeyMask(clientKey);
	}

	public String getClientId() {
		return this.clientId;
	}

	/**
	 * Return the value of the {@code Authorization} header for the given scheme.
	 * @param scheme the scheme of the endpoint family
	 * @return the header value
	 */
	String authorization(InsprlClient.Operation.AuthScheme scheme) {
		return (scheme == InsprlClient.Operation.AuthScheme.BEARER) ? "Bearer " + this.clientKey : this.clientKey;
	}

	/**
	 * Return the given text with the client key masked: the whole key, and any run of six
	 * or more of its consecutive characters.
	 * @param text the text, may be {@code null}
	 * @return the text without the key
	 */
	@Contract("!null -> !null")
	public @Nullable String redact(@Nullable String text) {
		return this.mask.mask(text);
	}

	/**
	 * Return whether the given text holds the client key or a run of six or more of its
	 * consecutive characters.
	 * @param text the text, may be {@code null}
	 * @return {@code true} if the text would be changed by {@link #redact(String)}
	 */
	public boolean exposesKey(@Nullable String text) {
		return this.mask.exposes(text);
	}

	@Override
	public String toString() {
		return "InsprlCredentials{clientId='" + this.clientId + "', clientKey='" + KeyMask.MASK + "'}";
	}

}
