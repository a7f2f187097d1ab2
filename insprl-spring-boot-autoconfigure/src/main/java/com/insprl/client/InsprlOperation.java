package com.insprl.client;

import org.springframework.http.MediaType;
import org.springframework.util.Assert;

/**
 * One insprl endpoint as the client needs to know it: a name for logs and metrics, the
 * path below the base URL, how the key is presented, whether sending the request twice is
 * harmless, and how the request body is encoded.
 *
 * @param name a short dotted name, such as {@code whatsapp.instance.logout}
 * @param path the path below the base URL, starting with {@code /}
 * @param authScheme how the client key is put in the {@code Authorization} header
 * @param idempotent whether a repeated request has the same effect as one; only
 * idempotent operations are retried once the request may have reached insprl
 * @param encoding how the fields are sent
 */
public record InsprlOperation(String name, String path, AuthScheme authScheme, boolean idempotent, Encoding encoding) {

	public InsprlOperation {
		Assert.hasText(name, "name must not be blank");
		Assert.isTrue(path != null && path.startsWith("/"), "path must start with '/'");
		Assert.notNull(authScheme, "authScheme must not be null");
		Assert.notNull(encoding, "encoding must not be null");
	}

	/**
	 * Create an operation whose fields are sent as a form.
	 * @param name a short dotted name
	 * @param path the path below the base URL
	 * @param authScheme how the client key is presented
	 * @param idempotent whether a repeated request has the same effect as one
	 */
	public InsprlOperation(String name, String path, AuthScheme authScheme, boolean idempotent) {
		this(name, path, authScheme, idempotent, Encoding.FORM);
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

	/**
	 * How an endpoint expects its fields.
	 */
	public enum Encoding {

		/** {@code application/x-www-form-urlencoded}. */
		FORM(MediaType.APPLICATION_FORM_URLENCODED),

		/** {@code application/json}, numbers as JSON numbers. */
		JSON(MediaType.APPLICATION_JSON);

		private final MediaType mediaType;

		Encoding(MediaType mediaType) {
			this.mediaType = mediaType;
		}

		MediaType mediaType() {
			return this.mediaType;
		}

	}

}
