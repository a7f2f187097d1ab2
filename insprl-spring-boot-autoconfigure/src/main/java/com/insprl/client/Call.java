package com.insprl.client;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import com.insprl.client.internal.CallBudget;
import com.insprl.client.internal.CallObservationContext;
import com.insprl.http.internal.CallDeadline;
import com.insprl.http.internal.Durations;
import com.insprl.observation.InsprlObservationConvention;
import com.insprl.ratelimit.internal.InsprlRateLimitStoreException;
import io.micrometer.observation.Observation;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.core.retry.Retryable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.ClientHttpResponse;

/**
 * One call of an operation for an account: its attempts, each after the rate limiter's
 * permit; the retries between them; the budget of the whole call; its observation; and
 * the listeners told how it ended. {@link #execute()} is one attempt, {@link #run()} the
 * whole call.
 */
final class Call implements Retryable<InsprlClient.Reply> {

	private static final Log logger = LogFactory.getLog(InsprlClient.class);

	private static final InsprlObservationConvention DEFAULT_CONVENTION = new InsprlObservationConvention() {
	};

	private final ClientResources resources;

	private final InsprlCredentials credentials;

	private final ReplyDecoder decoder;

	private final RetrySettings retrySettings;

	private final InsprlClient.Operation operation;

	private final byte[] body;

	private final Map<String, ?> fields;

	private int status;

	private final long start = System.nanoTime();

	private final CallBudget budget;

	private int attempts;

	Call(ClientResources resources, InsprlCredentials credentials, ReplyDecoder decoder, RetrySettings retrySettings,
			Duration callTimeout, InsprlClient.Operation operation, byte[] body, Map<String, ?> fields) {
		this.resources = resources;
		this.credentials = credentials;
		this.decoder = decoder;
		this.retrySettings = retrySettings;
		this.operation = operation;
		this.body = body;
		this.fields = fields;
		this.budget = new CallBudget(callTimeout, this.start, resources.minAttemptTime);
	}

	/**
	 * Make the call: attempts and retries, observed, the listeners told how it ended.
	 * @return the successful reply
	 * @throws InsprlException if insprl did not answer with success
	 */
	InsprlClient.Reply run() {
		CallObservationContext context = new CallObservationContext(this.operation.name(),
				this.credentials.getClientId());
		Observation observation = Observation
			.createNotStarted(this.resources.observationConvention, DEFAULT_CONVENTION, () -> context,
					this.resources.observationRegistry)
			.start();
		try (Observation.Scope scope = observation.openScope()) {
			InsprlClient.Reply reply = (this.retrySettings.maxAttempts() > 1) ? withRetries() : execute();
			context.end(InsprlCallEvent.Outcome.SUCCESS.tag(), reply.code(), this.attempts);
			completed(InsprlCallEvent.Outcome.SUCCESS, reply.code(), null);
			return reply;
		}
		catch (InsprlException ex) {
			ex.setAttempts(this.attempts);
			if (this.budget.isSpent()) {
				ex.setCallTimeoutSpent(this.budget.timeout());
			}
			InsprlCallEvent.Outcome outcome = InsprlCallEvent.Outcome.of(ex);
			context.end(outcome.tag(), code(ex), this.attempts);
			observation.error(ex);
			completed(outcome, code(ex), ex.getMessage());
			throw ex;
		}
		finally {
			observation.stop();
		}
	}

	/**
	 * Make one attempt: wait for a permit, then send the request once.
	 * @return the successful reply
	 */
	@Override
	public InsprlClient.Reply execute() {
		if (this.attempts > 0 && logger.isDebugEnabled()) {
			logger.debug("Retrying insprl call " + this.operation.name() + " (attempt " + (this.attempts + 1) + ")");
		}
		permit();
		this.attempts++;
		return exchange();
	}

	@Override
	public String getName() {
		return this.operation.name();
	}

	private InsprlClient.Reply withRetries() {
		try {
			return new RetryTemplate(new CallRetryPolicy(this.operation, this.retrySettings, this.budget))
				.execute(this);
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
			throw new IllegalStateException("Unexpected failure of " + this.operation.name(), last);
		}
	}

	/**
	 * Wait for the rate limiter's permit: a refusal (a wait longer than allowed) is a
	 * rate limit of the client's own, and nothing is sent.
	 */
	private void permit() {
		String name = this.operation.name();
		if (Thread.currentThread().isInterrupted()) {
			// the caller's interrupt: the limiter's store is not asked, nothing is sent
			throw interrupted(name, null);
		}
		Duration maxWait = this.resources.rateLimitMaxWait;
		Duration left = this.budget.waitable();
		boolean budgetBound = left.compareTo(maxWait) < 0;
		Duration wait;
		try {
			wait = this.resources.rateLimiter.acquire(this.credentials.getClientId(), budgetBound ? left : maxWait);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw interrupted(name, ex);
		}
		catch (InsprlRateLimitStoreException ex) {
			throw new InsprlConnectionException(
					"The shared rate limit's store is unreachable and " + "insprl.rate-limit.fail-open is false: "
							+ name + " was not sent (" + ex.getMessage() + ")",
					name, InsprlConnectionException.Reason.RATE_LIMIT_UNAVAILABLE, ex);
		}
		if (!wait.isZero()) {
			if (budgetBound && wait.compareTo(maxWait) <= 0) {
				this.budget.spend();
				throw InsprlRateLimitException.refusedByClient("insprl calls of this account are limited or paused "
						+ "for " + Durations.format(Durations.roundUpToSeconds(wait)) + " more, longer than the call "
						+ "has left: " + name + " was not sent", name, wait);
			}
			throw InsprlRateLimitException.refusedByClient("insprl calls of this account are limited or paused for "
					+ Durations.format(Durations.roundUpToSeconds(wait)) + " more, longer than the "
					+ Durations.format(maxWait) + " a call may wait: " + name + " was not sent", name, wait);
		}
	}

	private static InsprlConnectionException interrupted(String name, @Nullable InterruptedException cause) {
		return new InsprlConnectionException("Interrupted while waiting to send " + name + " within the rate limit",
				name, InsprlConnectionException.Reason.INTERRUPTED, cause);
	}

	/**
	 * Send the request once, and log the attempt.
	 * @return the successful reply
	 */
	private InsprlClient.Reply exchange() {
		long started = System.nanoTime();
		this.status = 0;
		try {
			InsprlClient.Reply reply = send();
			if (CallLog.isOn()) {
				CallLog.attempt(this.operation, this.credentials, this.fields, this.attempts, this.status,
						"code " + reply.code() + ", success", started);
			}
			return reply;
		}
		catch (InsprlException ex) {
			if (CallLog.isOn()) {
				CallLog.attempt(this.operation, this.credentials, this.fields, this.attempts, this.status,
						CallLog.outcome(ex), started);
			}
			throw ex;
		}
	}

	private InsprlClient.Reply send() {
		boolean capped = this.budget.remaining().compareTo(this.resources.attemptDeadline) < 0;
		try (CallDeadline.Scope scope = this.budget.capAttempts();
				AuthorizingRequestFactory.Scope authorized = AuthorizingRequestFactory
					.authorize(this.credentials.authorization(this.operation.authScheme()))) {
			return this.resources.restClient.post()
				.uri(this.operation.path())
				.header(HttpHeaders.USER_AGENT, InsprlClient.USER_AGENT)
				.contentType(this.operation.encoding().mediaType())
				.body(this.body)
				.exchange((request, response) -> {
					this.status = response.getStatusCode().value();
					byte[] reply = readBody(response);
					CallLog.reply(this.operation, this.credentials, reply);
					return this.decoder.decode(this.operation, this.status, response.getHeaders(), reply);
				}, true);
		}
		catch (InsprlRateLimitException ex) {
			Duration pause = ex.getRetryAfter()
				.orElse(ex.isUsageLimit() ? this.resources.usageLimitPause : Duration.ZERO);
			if (!pause.isZero()) {
				this.resources.rateLimiter.pause(this.credentials.getClientId(), pause, ex.pauseReason(pause));
			}
			throw ex;
		}
		catch (InsprlException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			InsprlConnectionException failure = TransportFailures.toException(this.operation.name(), ex,
					this.credentials);
			if (capped && failure.getReason() == InsprlConnectionException.Reason.TIMEOUT) {
				this.budget.spend();
			}
			throw failure;
		}
	}

	private byte[] readBody(ClientHttpResponse response) throws IOException {
		int max = this.resources.maxReplyBytes;
		long declared = response.getHeaders().getContentLength();
		if (declared > max) {
			throw tooLarge(declared + " bytes declared");
		}
		try (InputStream in = response.getBody()) {
			if (declared >= 0) {
				// HTTP framing bounds the body to the declared length: read exactly that
				return in.readNBytes((int) declared);
			}
			byte[] body = in.readNBytes(max + 1);
			if (body.length > max) {
				throw tooLarge("more than " + max + " bytes");
			}
			return body;
		}
	}

	private InsprlConnectionException tooLarge(String size) {
		return new InsprlConnectionException(
				"insprl's reply to " + this.operation.name() + " is too large (" + size + ", at most "
						+ this.resources.maxReplyBytes + " accepted)",
				this.operation.name(), InsprlConnectionException.Reason.REPLY_TOO_LARGE, null);
	}

	private void completed(InsprlCallEvent.Outcome outcome, @Nullable Integer code, @Nullable String failure) {
		if (this.resources.listeners.isEmpty()) {
			return;
		}
		this.resources.listeners.tell(new InsprlCallEvent(this.operation.name(), outcome, code, this.attempts,
				Duration.ofNanos(System.nanoTime() - this.start), Instant.now(), this.credentials.getClientId(),
				failure));
	}

	private static @Nullable Integer code(InsprlException ex) {
		return (ex instanceof InsprlApiException api && api.getCode().isPresent()) ? api.getCode().getAsInt() : null;
	}

}
