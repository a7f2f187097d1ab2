package com.insprl.client;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

import com.insprl.client.internal.ReplyJson;
import com.insprl.ratelimit.InsprlRateLimiter;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.util.Assert;

/**
 * Low-level insprl client: sends one operation's fields with an account's credentials and
 * turns the reply into an {@link Reply} or an {@link InsprlException}. It knows the
 * transport, authentication, body encoding, envelope decoding, error mapping, retries and
 * rate limits; it knows nothing of what an operation means.
 * <p>
 * A failed call is retried (see {@link InsprlClientBuilder#maxAttempts}) only when a
 * retry can help and cannot do harm: always for an idempotent operation, and for any
 * other only when the request certainly did not take effect (the connection was refused,
 * or a rate limit refused it). Every request, retries included, first asks the
 * {@link com.insprl.ratelimit.InsprlRateLimiter} for a permit; a {@code Retry-After} from
 * insprl pauses the account for every call.
 * <p>
 * Every failure, whatever the transport throws, reaches the caller as an
 * {@link InsprlException} whose message, cause and result hold no part of the key.
 * <p>
 * Each call is an {@code insprl.api.calls} Micrometer observation (a timer, and a span
 * when tracing is on) around the observations of its attempts, such as Spring's
 * {@code http.client.requests}.
 * <p>
 * Thread-safe. Build one with {@link #builder()}; {@link #withCredentials} gives a client
 * for another account that shares everything else. {@link #close()} releases the
 * transport the client created (a transport it was given is closed by its owner).
 */
public class InsprlClient implements AutoCloseable {

	/** The {@code User-Agent} the client sends. */
	public static final String USER_AGENT = "insprl-spring-boot/"
			+ Objects.requireNonNullElse(InsprlClient.class.getPackage().getImplementationVersion(), "dev");

	private final ClientResources resources;

	private final @Nullable InsprlCredentials credentials;

	private final @Nullable ReplyDecoder decoder;

	private final InsprlCallOptions options;

	private final RetrySettings retrySettings;

	private final Duration callTimeout;

	InsprlClient(ClientResources resources, @Nullable InsprlCredentials credentials, @Nullable ReplyDecoder decoder,
			InsprlCallOptions options) {
		this.resources = resources;
		this.credentials = credentials;
		this.decoder = decoder;
		this.options = options;
		this.retrySettings = resources.retrySettings.withMaxAttempts(options.getMaxAttempts());
		this.callTimeout = Objects.requireNonNullElse(options.getCallTimeout(), resources.callTimeout);
	}

	/**
	 * Return a builder for a client.
	 * @return a new builder
	 */
	public static InsprlClientBuilder builder() {
		return new InsprlClientBuilder();
	}

	/**
	 * Return a client for another account that shares this one's transport, connection
	 * pool, retries, bounds, rate limits, listeners and observations. Cheap enough to
	 * call per request.
	 * @param credentials the account's credentials
	 * @return a client for that account
	 */
	public InsprlClient withCredentials(InsprlCredentials credentials) {
		Assert.notNull(credentials, "credentials must not be null");
		return new InsprlClient(this.resources, credentials, new ReplyDecoder(credentials), this.options);
	}

	/**
	 * Return a view of this client whose calls use the given options (a call timeout, the
	 * most attempts) over this client's; what they do not set keeps its value. It shares
	 * everything else, the account included, and is as cheap as {@link #withCredentials}.
	 * @param options the options
	 * @return a client with those options
	 */
	public InsprlClient withOptions(InsprlCallOptions options) {
		Assert.notNull(options, "options must not be null");
		return new InsprlClient(this.resources, this.credentials, this.decoder, options.over(this.options));
	}

	/**
	 * Return the API root this client calls: scheme, host, port and path only.
	 * @return the base URL, without a trailing slash
	 */
	public String getBaseUrl() {
		return this.resources.baseUrl;
	}

	/**
	 * Return the credentials this client sends (the key masked in {@code toString}).
	 * @return the credentials, or {@code null} for a client without a default account
	 */
	public @Nullable InsprlCredentials getCredentials() {
		return this.credentials;
	}

	/**
	 * POST an operation's fields, with {@code client_id} added first, as a form or JSON
	 * as the operation says.
	 * @param operation the operation
	 * @param fields the fields besides {@code client_id}: strings, sent exactly as given,
	 * or numbers
	 * @return the successful reply
	 * @throws IllegalStateException if this client has no account (see
	 * {@link #withCredentials}), or if its transport is closed
	 * @throws InsprlException if insprl did not answer with success
	 */
	public Reply post(Operation operation, Map<String, ?> fields) {
		Assert.notNull(operation, "operation must not be null");
		Assert.notNull(fields, "fields must not be null");
		InsprlCredentials credentials = this.credentials;
		ReplyDecoder decoder = this.decoder;
		Assert.state(credentials != null && decoder != null, "No default insprl account: set insprl.client-id and "
				+ "insprl.client-key, or call withCredentials(clientId, clientKey) for the account to use");
		return new Call(this.resources, credentials, decoder, this.retrySettings, this.callTimeout, operation, fields)
			.run();
	}

	/**
	 * Return the rate limiter every call of this client asks before it sends: the
	 * application's, or one that only honours the pauses insprl asks for. Its
	 * {@link InsprlRateLimiter#reset()} forgets the pauses and budgets this JVM holds
	 * (the test starter calls it between tests).
	 * @return the rate limiter
	 */
	public InsprlRateLimiter getRateLimiter() {
		return this.resources.gate.rateLimiter();
	}

	/**
	 * Release the transport this client created; a transport it was given is left to its
	 * owner. A client from {@link #withCredentials} shares its origin's and releases
	 * nothing.
	 */
	@Override
	public void close() {
		if (this.resources.ownsTransport && this == this.resources.origin) {
			this.resources.transport.close();
		}
	}

	/**
	 * One insprl endpoint as the client needs to know it: a name for logs and metrics,
	 * the path below the base URL, how the key is presented, whether sending the request
	 * twice is harmless, and how the request body is encoded.
	 *
	 * @param name a short dotted name, such as {@code whatsapp.instance.logout}
	 * @param path the path below the base URL, starting with {@code /}
	 * @param authScheme how the client key is put in the {@code Authorization} header
	 * @param idempotent whether a repeated request has the same effect as one; only
	 * idempotent operations are retried once the request may have reached insprl
	 * @param encoding how the fields are sent
	 */
	public record Operation(String name, String path, AuthScheme authScheme, boolean idempotent, Encoding encoding) {

		public Operation {
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
		public Operation(String name, String path, AuthScheme authScheme, boolean idempotent) {
			this(name, path, authScheme, idempotent, Encoding.FORM);
		}

		/**
		 * How an endpoint family expects the client key.
		 */
		public enum AuthScheme {

			/**
			 * {@code Authorization: <key>}, as the WhatsApp instance endpoints document.
			 */
			RAW_KEY,

			/**
			 * {@code Authorization: Bearer <key>}, as the newer v1 endpoints document.
			 */
			BEARER

		}

		/**
		 * How an endpoint expects its fields.
		 */
		public enum Encoding {

			/** {@code application/x-www-form-urlencoded}. */
			FORM,

			/** {@code application/json}, numbers as JSON numbers. */
			JSON

		}

	}

	/**
	 * A successful insprl reply (API code 100), decoded from JSON.
	 *
	 * @param httpStatus the HTTP status of the reply
	 * @param code the API code
	 * @param body the whole JSON body, for the fields an operation reads
	 */
	public record Reply(int httpStatus, int code, JsonNode body) {

		/**
		 * Return a field of the body as one line of text: a string as it is, an array or
		 * object flattened with {@code "; "}.
		 * @param field the field name
		 * @return the text, or {@code null} when the field is absent or null
		 */
		public @Nullable String text(String field) {
			JsonNode node = this.body.get(field);
			if (node == null || node.isNull()) {
				return null;
			}
			return String.join("; ", ReplyJson.messages(node));
		}

	}

}
