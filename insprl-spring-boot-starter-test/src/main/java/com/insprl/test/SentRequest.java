package com.insprl.test;

import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A request the stand-in received: which operation, for which account, with which
 * parameters. The key it carried is never shown: ask whether it was a given one.
 */
public final class SentRequest {

	private final String operation;

	private final @Nullable String clientId;

	private final Map<String, String> parameters;

	private final @Nullable String authorization;

	private final String expectedAuthorizationPrefix;

	SentRequest(String operation, @Nullable String clientId, Map<String, String> parameters,
			@Nullable String authorization, String expectedAuthorizationPrefix) {
		this.operation = operation;
		this.clientId = clientId;
		this.parameters = Map.copyOf(parameters);
		this.authorization = authorization;
		this.expectedAuthorizationPrefix = expectedAuthorizationPrefix;
	}

	/**
	 * Return the operation, such as {@code whatsapp.instance.logout}.
	 * @return the operation name
	 */
	public String operation() {
		return this.operation;
	}

	/**
	 * Return the {@code client_id} sent.
	 * @return the client id, or {@code null} if none was sent
	 */
	public @Nullable String clientId() {
		return this.clientId;
	}

	/**
	 * Return the parameters sent besides {@code client_id}, such as {@code instance_id}.
	 * @return the parameters
	 */
	public Map<String, String> parameters() {
		return this.parameters;
	}

	/**
	 * Return whether the request carried the given client key, in the form its endpoint
	 * expects.
	 * @param clientKey the key to compare with
	 * @return {@code true} if it was that key
	 */
	public boolean carriedKey(String clientKey) {
		return Objects.equals(this.authorization, this.expectedAuthorizationPrefix + clientKey);
	}

	@Override
	public String toString() {
		return "SentRequest{operation='" + this.operation + "', clientId='" + this.clientId + "', parameters="
				+ this.parameters + ", key=******}";
	}

}
