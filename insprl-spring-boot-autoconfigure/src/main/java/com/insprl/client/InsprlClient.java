package com.insprl.client;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.insprl.http.CallDeadline;
import com.insprl.http.Durations;
import com.insprl.http.InsprlHttpTransport;
import com.insprl.observation.DefaultInsprlObservationConvention;
import com.insprl.observation.InsprlObservationContext;
import com.insprl.observation.InsprlObservationConvention;
import com.insprl.ratelimit.InsprlRateLimiter;
import com.insprl.ratelimit.RateLimitStoreException;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.core.retry.Retryable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.util.Assert;
import org.springframework.web.client.RestClient;

/**
 * Low-level insprl client: sends one operation's fields with an account's credentials and
 * turns the reply into an {@link InsprlReply} or an {@link InsprlException}. It knows the
 * transport, authentication, body encoding, envelope decoding, error mapping, retries and
 * rate limits; it knows nothing of what an operation means.
 * <p>
 * A failed call is retried (see {@link InsprlRetrySettings}) only when a retry can help
 * and cannot do harm: always for an idempotent operation, and for any other only when the
 * request certainly did not take effect (the connection was refused, or a rate limit
 * refused it). Every request, retries included, first asks the {@link InsprlRateLimiter}
 * for a permit; a {@code Retry-After} from insprl pauses the account for every call.
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

	/** Largest reply body read, in bytes, unless configured otherwise. */
	public static final int DEFAULT_MAX_REPLY_BYTES = 1024 * 1024;

	/**
	 * How long an account is paused when insprl reports its usage limit (code 129)
	 * without a {@code Retry-After}, unless configured otherwise.
	 */
	public static final Duration DEFAULT_USAGE_LIMIT_PAUSE = Duration.ofMinutes(5);

	/**
	 * The whole call's budget (attempts, back-offs, {@code Retry-After} and rate-limit
	 * waits), unless configured otherwise.
	 */
	public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(60);

	private static final Log logger = LogFactory.getLog(InsprlClient.class);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final InsprlObservationConvention DEFAULT_CONVENTION = new DefaultInsprlObservationConvention();

	private final Shared shared;

	private final InsprlCredentials credentials;

	private final ReplyDecoder decoder;

	private final InsprlCallOptions options;

	private final InsprlRetrySettings retrySettings;

	private final Duration callTimeout;

	InsprlClient(Shared shared, InsprlCredentials credentials) {
		this(shared, credentials, (credentials != null) ? new ReplyDecoder(credentials) : null, InsprlCallOptions.NONE);
	}

	private InsprlClient(Shared shared, InsprlCredentials credentials, ReplyDecoder decoder,
			InsprlCallOptions options) {
		this.shared = shared;
		this.credentials = credentials;
		this.decoder = decoder;
		this.options = options;
		InsprlRetrySettings retry = shared.retrySettings;
		this.retrySettings = (options.getMaxAttempts() != null) ? new InsprlRetrySettings(options.getMaxAttempts(),
				retry.initialBackoff(), retry.maxBackoff(), retry.multiplier()) : retry;
		this.callTimeout = (options.getCallTimeout() != null) ? options.getCallTimeout() : shared.callTimeout;
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
		return new InsprlClient(this.shared, credentials, new ReplyDecoder(credentials), this.options);
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
		return new InsprlClient(this.shared, this.credentials, this.decoder, options.over(this.options));
	}

	/**
	 * Return the API root this client calls: scheme, host, port and path only.
	 * @return the base URL, without a trailing slash
	 */
	public String getBaseUrl() {
		return this.shared.baseUrl;
	}

	/**
	 * Return the credentials this client sends (the key masked in {@code toString}).
	 * @return the credentials, or {@code null} for a client without a default account
	 */
	public InsprlCredentials getCredentials() {
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
	 * {@link #withCredentials})
	 * @throws InsprlException if insprl did not answer with success
	 */
	public InsprlReply post(InsprlOperation operation, Map<String, ?> fields) {
		Assert.notNull(operation, "operation must not be null");
		Assert.notNull(fields, "fields must not be null");
		Assert.state(this.credentials != null, "No default insprl account: set insprl.client-id and "
				+ "insprl.client-key, or call withCredentials(clientId, clientKey) for the account to use");
		byte[] body = body(operation, fields);
		long start = System.nanoTime();
		CallBudget budget = new CallBudget(this.callTimeout, start);
		Attempts attempts = new Attempts(operation, body, budget);
		InsprlObservationContext context = new InsprlObservationContext(operation.name(),
				this.credentials.getClientId());
		Observation observation = Observation
			.createNotStarted(this.shared.observationConvention, DEFAULT_CONVENTION, () -> context,
					this.shared.observationRegistry)
			.start();
		try (Observation.Scope scope = observation.openScope()) {
			InsprlReply reply = (this.retrySettings.maxAttempts() > 1) ? withRetries(operation, attempts, budget)
					: attempts.execute();
			context.ended(InsprlCallEvent.Outcome.SUCCESS.tag(), reply.code(), attempts.count);
			completed(operation, InsprlCallEvent.Outcome.SUCCESS, reply.code(), attempts.count, start);
			return reply;
		}
		catch (InsprlException ex) {
			ex.setAttempts(attempts.count);
			if (budget.isSpent()) {
				ex.setCallTimeoutSpent(budget.timeout());
			}
			InsprlCallEvent.Outcome outcome = InsprlCallEvent.Outcome.of(ex);
			context.ended(outcome.tag(), code(ex), attempts.count);
			observation.error(ex);
			completed(operation, outcome, code(ex), attempts.count, start);
			throw ex;
		}
		finally {
			observation.stop();
		}
	}

	private InsprlReply withRetries(InsprlOperation operation, Attempts attempts, CallBudget budget) {
		try {
			return new RetryTemplate(new CallRetryPolicy(operation, this.retrySettings, budget)).execute(attempts);
		}
		catch (RetryException ex) {
			Throwable last = ex.getCause();
			if (last instanceof RuntimeException runtime) {
				for (Throwable earlier : ex.getSuppressed()) {
					runtime.addSuppressed(earlier);
				}
				throw runtime;
			}
			if (last instanceof Error error) {
				throw error;
			}
			throw new IllegalStateException("Unexpected failure of " + operation.name(), last);
		}
	}

	/**
	 * Wait for the rate limiter's permit: a refusal (a wait longer than allowed) is a
	 * rate limit of the client's own, and nothing is sent.
	 * @param operation the operation about to be sent
	 * @param budget what the call has left
	 */
	private void permit(InsprlOperation operation, CallBudget budget) {
		Duration maxWait = this.shared.rateLimitMaxWait;
		Duration left = budget.remaining();
		boolean budgetBound = left.compareTo(maxWait) < 0;
		Duration wait;
		try {
			wait = this.shared.rateLimiter.acquire(this.credentials.getClientId(), budgetBound ? left : maxWait);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new InsprlConnectionException(
					"Interrupted while waiting to send " + operation.name() + " within the rate limit",
					operation.name(), InsprlConnectionException.Reason.IO_ERROR, ex);
		}
		catch (RateLimitStoreException ex) {
			throw new InsprlConnectionException(
					"The shared rate limit's store is unreachable and " + "insprl.rate-limit.fail-open is false: "
							+ operation.name() + " was not sent (" + ex.getMessage() + ")",
					operation.name(), InsprlConnectionException.Reason.RATE_LIMIT_UNAVAILABLE, ex);
		}
		if (!wait.isZero()) {
			if (budgetBound && wait.compareTo(maxWait) <= 0) {
				budget.spend();
				throw InsprlRateLimitException.refusedByClient("insprl calls of this account are limited or paused "
						+ "for " + Durations.format(Durations.roundUpToSeconds(wait)) + " more, longer than the call "
						+ "has left: " + operation.name() + " was not sent", operation.name(), wait);
			}
			throw InsprlRateLimitException.refusedByClient(
					"insprl calls of this account are limited or paused for "
							+ Durations.format(Durations.roundUpToSeconds(wait)) + " more, longer than the "
							+ Durations.format(maxWait) + " a call may wait: " + operation.name() + " was not sent",
					operation.name(), wait);
		}
	}

	private InsprlReply exchange(InsprlOperation operation, byte[] body, CallBudget budget) {
		boolean capped = budget.remaining().compareTo(this.shared.attemptDeadline) < 0;
		try (CallDeadline.Scope scope = budget.capAttempts()) {
			return this.shared.restClient.post()
				.uri(operation.path())
				.header(HttpHeaders.AUTHORIZATION, this.credentials.authorization(operation.authScheme()))
				.contentType(operation.encoding().mediaType())
				.body(body)
				.exchange((request, response) -> this.decoder.decode(operation, response.getStatusCode().value(),
						response.getHeaders(), readBody(operation, response)), true);
		}
		catch (InsprlRateLimitException ex) {
			Duration pause = ex.getRetryAfter().orElse(ex.isUsageLimit() ? this.shared.usageLimitPause : Duration.ZERO);
			if (!pause.isZero()) {
				this.shared.rateLimiter.pause(this.credentials.getClientId(), Instant.now().plus(pause));
			}
			throw ex;
		}
		catch (InsprlException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			InsprlConnectionException failure = transportFailure(operation, ex);
			if (capped && failure.getReason() == InsprlConnectionException.Reason.TIMEOUT) {
				budget.spend();
			}
			throw failure;
		}
	}

	/**
	 * Map whatever the transport threw to a connection exception with a reason that says
	 * what happened. A failure whose text exposes the key is not kept as the cause.
	 * @param operation the operation that failed
	 * @param ex what the transport threw
	 * @return the exception to throw
	 */
	private InsprlConnectionException transportFailure(InsprlOperation operation, RuntimeException ex) {
		InsprlConnectionException.Reason reason = TransportFailures.reason(ex);
		String detail = this.credentials.redact(TransportFailures.describe(ex));
		String advice = (reason == InsprlConnectionException.Reason.TLS_FAILED)
				? "; insprl's certificate is not trusted or does not match its host: for a private CA, set "
						+ "insprl.ssl.bundle"
				: "";
		Throwable cause = TransportFailures.exposesKey(ex, this.credentials) ? null : ex;
		String what = reason.name().toLowerCase(Locale.ROOT).replace('_', ' ');
		return new InsprlConnectionException(
				"No answer from insprl for " + operation.name() + ": " + what + " (" + detail + ")" + advice,
				operation.name(), reason, cause);
	}

	private void completed(InsprlOperation operation, InsprlCallEvent.Outcome outcome, Integer code, int attempts,
			long start) {
		if (this.shared.listeners.isEmpty()) {
			return;
		}
		InsprlCallEvent event = new InsprlCallEvent(operation.name(), outcome, code, attempts,
				Duration.ofNanos(System.nanoTime() - start), Instant.now(), this.credentials.getClientId());
		for (InsprlCallListener listener : this.shared.listeners) {
			try {
				listener.onCall(event);
			}
			catch (RuntimeException ex) {
				logger.warn("insprl call listener " + listener.getClass().getName() + " failed", ex);
			}
		}
	}

	private static Integer code(InsprlException ex) {
		return (ex instanceof InsprlApiException api && api.getCode().isPresent()) ? api.getCode().getAsInt() : null;
	}

	private byte[] body(InsprlOperation operation, Map<String, ?> fields) {
		fields.forEach((name, value) -> Assert.isTrue(value instanceof String || value instanceof Number,
				() -> "field '" + name + "' must be a string or a number"));
		if (operation.encoding() == InsprlOperation.Encoding.JSON) {
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("client_id", this.credentials.getClientId());
			json.putAll(fields);
			return JSON.writeValueAsBytes(json);
		}
		StringBuilder form = new StringBuilder(64);
		appendField(form, "client_id", this.credentials.getClientId());
		fields.forEach((name, value) -> appendField(form, name, value.toString()));
		return form.toString().getBytes(StandardCharsets.US_ASCII);
	}

	private static void appendField(StringBuilder form, String name, String value) {
		if (!form.isEmpty()) {
			form.append('&');
		}
		form.append(URLEncoder.encode(name, StandardCharsets.UTF_8))
			.append('=')
			.append(URLEncoder.encode(value, StandardCharsets.UTF_8));
	}

	private byte[] readBody(InsprlOperation operation, ClientHttpResponse response) throws IOException {
		int max = this.shared.maxReplyBytes;
		long declared = response.getHeaders().getContentLength();
		if (declared > max) {
			throw tooLarge(operation, declared + " bytes declared");
		}
		try (InputStream in = response.getBody()) {
			if (declared >= 0) {
				// HTTP framing bounds the body to the declared length: read exactly that
				return in.readNBytes((int) declared);
			}
			byte[] body = in.readNBytes(max + 1);
			if (body.length > max) {
				throw tooLarge(operation, "more than " + max + " bytes");
			}
			return body;
		}
	}

	private InsprlConnectionException tooLarge(InsprlOperation operation, String size) {
		return new InsprlConnectionException(
				"insprl's reply to " + operation.name() + " is too large (" + size + ", at most "
						+ this.shared.maxReplyBytes + " accepted)",
				operation.name(), InsprlConnectionException.Reason.REPLY_TOO_LARGE, null);
	}

	/**
	 * Release the transport this client created; a transport it was given is left to its
	 * owner. A client from {@link #withCredentials} shares its origin's and releases
	 * nothing.
	 */
	@Override
	public void close() {
		if (this.shared.ownTransport != null && this == this.shared.origin) {
			this.shared.ownTransport.close();
		}
	}

	/**
	 * What every client built from one builder shares, whatever its account.
	 */
	static final class Shared {

		final RestClient restClient;

		final String baseUrl;

		final int maxReplyBytes;

		final InsprlRetrySettings retrySettings;

		final List<InsprlCallListener> listeners;

		final InsprlHttpTransport ownTransport;

		final ObservationRegistry observationRegistry;

		final InsprlObservationConvention observationConvention;

		final InsprlRateLimiter rateLimiter;

		final Duration rateLimitMaxWait;

		final Duration usageLimitPause;

		final Duration callTimeout;

		final Duration attemptDeadline;

		InsprlClient origin;

		Shared(RestClient restClient, String baseUrl, int maxReplyBytes, InsprlRetrySettings retrySettings,
				List<InsprlCallListener> listeners, InsprlHttpTransport ownTransport,
				ObservationRegistry observationRegistry, InsprlObservationConvention observationConvention,
				InsprlRateLimiter rateLimiter, Duration rateLimitMaxWait, Duration usageLimitPause,
				Duration callTimeout, Duration attemptDeadline) {
			this.restClient = restClient;
			this.baseUrl = baseUrl;
			this.maxReplyBytes = maxReplyBytes;
			this.retrySettings = retrySettings;
			this.listeners = List.copyOf(listeners);
			this.ownTransport = ownTransport;
			this.observationRegistry = observationRegistry;
			this.observationConvention = observationConvention;
			this.rateLimiter = rateLimiter;
			this.rateLimitMaxWait = rateLimitMaxWait;
			this.usageLimitPause = usageLimitPause;
			this.callTimeout = callTimeout;
			this.attemptDeadline = attemptDeadline;
		}

	}

	/**
	 * The attempts of one call: each {@link #execute()} asks for a permit, then sends the
	 * request once.
	 */
	private final class Attempts implements Retryable<InsprlReply> {

		private final InsprlOperation operation;

		private final byte[] body;

		private final CallBudget budget;

		private int count;

		Attempts(InsprlOperation operation, byte[] body, CallBudget budget) {
			this.operation = operation;
			this.body = body;
			this.budget = budget;
		}

		@Override
		public InsprlReply execute() {
			if (this.count > 0 && logger.isDebugEnabled()) {
				logger.debug("Retrying insprl call " + this.operation.name() + " (attempt " + (this.count + 1) + ")");
			}
			permit(this.operation, this.budget);
			this.count++;
			return exchange(this.operation, this.body, this.budget);
		}

		@Override
		public String getName() {
			return this.operation.name();
		}

	}

}
