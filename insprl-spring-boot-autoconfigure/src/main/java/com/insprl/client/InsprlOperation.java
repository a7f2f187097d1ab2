package com.insprl.client;

import org.springframework.util.Assert;

/**
 * One insprl endpoint as the client needs to know it: a name for logs and metrics, the
 * path below the base URL, how the key is presented, and whether sending the request twice
 * is harmless.
 *
 * @param name a short dotted name, such as {@code whatsapp.instance.logout}
 * @param path the path below the base URL, starting with {@code /}
 * @param authScheme how the client key is put in the {@code Authorization} header
 * @param idempotent whether a repeated request has the same effect as one; only idempotent
 * operations are retried once the request may have reached insprl
 */
public record InsprlOperation(String name, String path, AuthScheme authScheme, boolean idempotent) {

	public InsprlOperation {
		Assert.hasText(name, "name must not be blank");
		Assert.isTrue(path != null && path.startsWith("/"), "path must start with '/'");
		Assert.notNull(authScheme, "authScheme must not be null");
	}

	/**
	 * How an endpoint family expects the client key.
	 */
	public enum AuthScheme {

		/** {@code Authorization: <key>}, as the WhatsApp instance endpoints document. */
		RAW_KEY,

		/** {@code Authorization: Bearer <key>}, as the newer v1 endpoints document. */
		BEARER

	}

}
