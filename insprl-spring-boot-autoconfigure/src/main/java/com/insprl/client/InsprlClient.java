package com.insprl.client;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.insprl.http.InsprlHttpTransport;
import com.insprl.observation.DefaultInsprlObservationConvention;
import com.insprl.observation.InsprlObservationContext;
import com.insprl.observation.InsprlObservationConvention;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.core.retry.Retryable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.util.Assert;
import org.springframework.web.client.RestClient;

/**
 * Low-level insprl client: sends one operation's form fields with the account's
 * credentials and turns the reply into an {@link InsprlReply} or an
 * {@link InsprlException}. It knows the transport, authentication, form encoding,
 * envelope decoding, error mapping and retries; it knows nothing of what an operation
 * means.
 * <p>
 * A failed call is retried (see {@link InsprlRetrySettings}) only when a retry can help
 * and cannot do harm: always for an idempotent operation, and for any other only when the
 * request certainly did not take effect (the connection was refused, or a rate limit
 * refused it).
 * <p>
 * Every failure, whatever the transport throws, reaches the caller as an
 * {@link InsprlException} whose message, cause and result hold no part of the key.
 * <p>
 * Each call is an {@code insprl.api.calls} Micrometer observation (a timer, and a span
 * when tracing is on) around the observations of its attempts, such as Spring's
 * {@code http.client.requests}.
 * <p>
 * Thread-safe; build one per account with {@link #builder()}, and {@link #close()} it to
 * release the transport it created (a transport it was given is closed by its owner).
 */
public class InsprlClient implements AutoCloseable {

	/** Largest reply body read, in bytes, unless configured otherwise. */
	public static final int DEFAULT_MAX_REPLY_BYTES = 1024 * 1024;

	private static final Log logger = LogFactory.getLog(InsprlClient.class);

	private static final MediaType FORM = MediaType.APPLICATION_FORM_URLENCODED;

	private static final InsprlObservationConvention DEFAULT_CONVENTION = new DefaultInsprlObservationConvention();

	private final RestClient restClient;

	private final String baseUrl;

	private final InsprlCredentials credentials;

	private final ReplyDecoder decoder;

	private final int maxReplyBytes;

	private final InsprlRetrySettings retrySettings;

	private final List<InsprlCallListener> listeners;

	private final InsprlHttpTransport ownTransport;

	private final ObservationRegistry observationRegistry;

	private final InsprlObservationConvention observationConvention;

	InsprlClient(RestClient restClient, String baseUrl, InsprlCredentials credentials, int maxReplyBytes,
			InsprlRetrySettings retrySettings, List<InsprlCallListener> listeners, InsprlHttpTransport ownTransport,
			ObservationRegistry observationRegistry, InsprlObservationConvention observationConvention) {
		this.restClient = restClient;
		this.baseUrl = baseUrl;
		this.credentials = credentials;
		this.decoder = new ReplyDecoder(credentials);
		this.maxReplyBytes = maxReplyBytes;
		this.retrySettings = retrySettings;
		this.listeners = List.copyOf(listeners);
		this.ownTransport = ownTransport;
		this.observationRegistry = observationRegistry;
		this.observationConvention = observationConvention;
	}

	/**
	 * Return a builder for a client.
	 * @return a new builder
	 */
	public static InsprlClientBuilder builder() {
		return new InsprlClientBuilder();
	}

	/**
	 * Return the API root this client calls: scheme, host, port and path only.
	 * @return the base URL, without a trailing slash
	 */
	public String getBaseUrl() {
		return this.baseUrl;
	}

	/**
	 * Return the credentials this client sends (the key masked in {@code toString}).
	 * @return the credentials
	 */
	public InsprlCredentials getCredentials() {
		return this.credentials;
	}

	/**
	 * POST an operation's form fields, with {@code client_id} added first.
	 * @param operation the operation
	 * @param fields the form fields besides {@code client_id}; values are sent exactly as given
	 * @return the successful reply
	 * @throws InsprlException if insprl did not answer with success
	 */
	public InsprlReply post(InsprlOperation operation, Map<String, String> fields) {
		Assert.notNull(operation, "operation must not be null");
		Assert.notNull(fields, "fields must not be null");
		byte[] body = formBody(fields);
		long start = System.nanoTime();
		Attempts attempts = new Attempts(operation, body);
		InsprlObservationContext context = new InsprlObservationContext(operation.name());
		Observation observation = Observation
			.createNotStarted(this.observationConvention, DEFAULT_CONVENTION, () -> context, this.observationRegistry)
			.start();
		try (Observation.Scope scope = observation.openScope()) {
			InsprlReply reply = (this.retrySettings.maxAttempts() > 1) ? withRetries(operation, attempts)
					: attempts.execute();
			context.ended(InsprlCallEvent.Outcome.SUCCESS.tag(), reply.code(), attempts.count);
			completed(operation, InsprlCallEvent.Outcome.SUCCESS, reply.code(), attempts.count, start);
			return reply;
		}
		catch (InsprlException ex) {
			ex.setAttempts(attempts.count);
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

	private InsprlReply withRetries(InsprlOperation operation, Attempts attempts) {
		try {
			return new RetryTemplate(new CallRetryPolicy(operation, this.retrySettings)).execute(attempts);
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

	private InsprlReply exchange(InsprlOperation operation, byte[] body) {
		try {
			return this.restClient.post()
				.uri(operation.path())
				.header(HttpHeaders.AUTHORIZATION, this.credentials.authorization(operation.authScheme()))
				.contentType(FORM)
				.body(body)
				.exchange((request, response) -> this.decoder.decode(operation, response.getStatusCode().value(),
						response.getHeaders(), readBody(operation, response)), true);
		}
		catch (InsprlException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			throw transportFailure(operation, ex);
		}
	}

	/**
	 * Map whatever the transport threw to a connection exception with a reason that says
	 * what happened. A failure whose text exposes the key is not kept as the cause.
	 */
	private InsprlConnectionException transportFailure(InsprlOperation operation, RuntimeException ex) {
		InsprlConnectionException.Reason reason = TransportFailures.reason(ex);
		String detail = this.credentials.redact(TransportFailures.describe(ex));
		String advice = (reason == InsprlConnectionException.Reason.TLS_FAILED)
				? "; insprl's certificate is not trusted or does not match its host: for a private CA, set "
						+ "insprl.ssl.bundle"
				: "";
		Throwable cause = TransportFailures.exposesKey(ex, this.credentials) ? null : ex;
		return new InsprlConnectionException("No answer from insprl for " + operation.name() + ": "
				+ reason.name().toLowerCase().replace('_', ' ') + " (" + detail + ")" + advice, operation.name(),
				reason, cause);
	}

	private void completed(InsprlOperation operation, InsprlCallEvent.Outcome outcome, Integer code, int attempts,
			long start) {
		if (this.listeners.isEmpty()) {
			return;
		}
		InsprlCallEvent event = new InsprlCallEvent(operation.name(), outcome, code, attempts,
				Duration.ofNanos(System.nanoTime() - start), Instant.now());
		for (InsprlCallListener listener : this.listeners) {
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

	private byte[] formBody(Map<String, String> fields) {
		StringBuilder form = new StringBuilder(64);
		appendField(form, "client_id", this.credentials.getClientId());
		fields.forEach((name, value) -> {
			Assert.notNull(value, () -> "form field '" + name + "' must not be null");
			appendField(form, name, value);
		});
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
		long declared = response.getHeaders().getContentLength();
		if (declared > this.maxReplyBytes) {
			throw tooLarge(operation, declared + " bytes declared");
		}
		try (InputStream in = response.getBody()) {
			if (declared >= 0) {
				// HTTP framing bounds the body to the declared length: read exactly that
				return in.readNBytes((int) declared);
			}
			byte[] body = in.readNBytes(this.maxReplyBytes + 1);
			if (body.length > this.maxReplyBytes) {
				throw tooLarge(operation, "more than " + this.maxReplyBytes + " bytes");
			}
			return body;
		}
	}

	private InsprlConnectionException tooLarge(InsprlOperation operation, String size) {
		return new InsprlConnectionException("insprl's reply to " + operation.name() + " is too large (" + size
				+ ", at most " + this.maxReplyBytes + " accepted)", operation.name(),
				InsprlConnectionException.Reason.REPLY_TOO_LARGE, null);
	}

	/**
	 * Release the transport this client created; a transport it was given is left to its
	 * owner.
	 */
	@Override
	public void close() {
		if (this.ownTransport != null) {
			this.ownTransport.close();
		}
	}

	/**
	 * The attempts of one call: each {@link #execute()} sends the request once.
	 */
	private final class Attempts implements Retryable<InsprlReply> {

		private final InsprlOperation operation;

		private final byte[] body;

		private int count;

		Attempts(InsprlOperation operation, byte[] body) {
			this.operation = operation;
			this.body = body;
		}

		@Override
		public InsprlReply execute() {
			if (this.count > 0 && logger.isDebugEnabled()) {
				logger.debug("Retrying insprl call " + this.operation.name() + " (attempt " + (this.count + 1) + ")");
			}
			this.count++;
			return exchange(this.operation, this.body);
		}

		@Override
		public String getName() {
			return this.operation.name();
		}

	}

}
