package com.insprl.client;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import com.insprl.client.internal.CallBudget;
import com.insprl.client.internal.CallObservationContext;
import com.insprl.client.internal.RequestBodies;
import com.insprl.observation.InsprlObservationConvention;
import io.micrometer.observation.Observation;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.core.retry.Retryable;
import org.springframework.util.Assert;

/**
 * One call of an operation for an account: its attempts, each after the rate limiter's
 * permit ({@link RateLimitGate}) and sent as an {@link Exchange}; the retries between
 * them; the budget of the whole call; its observation; and the listeners told how it
 * ended. {@link #execute()} is one attempt, {@link #run()} the whole call.
 */
final class Call implements Retryable<InsprlClient.Reply> {

	private static final Log logger = LogFactory.getLog(InsprlClient.class);

	private static final InsprlObservationConvention DEFAULT_CONVENTION = new InsprlObservationConvention() {
	};

	private final ClientResources resources;

	private final InsprlCredentials credentials;

	private final RetrySettings retrySettings;

	private final InsprlClient.Operation operation;

	private final Exchange exchange;

	private final long start = System.nanoTime();

	private final CallBudget budget;

	private int attempts;

	/**
	 * Prepare a call: its body encoded, its budget started.
	 * @param resources what the clients of a builder share
	 * @param credentials the account's credentials
	 * @param decoder the decoder of the account's replies
	 * @param retrySettings the call's retries
	 * @param callTimeout the call's budget
	 * @param operation the operation
	 * @param fields the fields besides {@code client_id}
	 * @throws IllegalArgumentException if a field is neither a string nor a number
	 * @throws IllegalStateException if the transport is closed
	 */
	Call(ClientResources resources, InsprlCredentials credentials, ReplyDecoder decoder, RetrySettings retrySettings,
			Duration callTimeout, InsprlClient.Operation operation, Map<String, ?> fields) {
		Assert.state(!resources.transport.isClosed(),
				"This insprl client's HTTP transport is closed: calls need a client whose transport is open");
		byte[] body = RequestBodies.encode(operation.encoding() == InsprlClient.Operation.Encoding.JSON,
				credentials.getClientId(), fields);
		this.resources = resources;
		this.credentials = credentials;
		this.retrySettings = retrySettings;
		this.operation = operation;
		this.exchange = new Exchange(resources, credentials, decoder, operation, body, fields);
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
		this.resources.gate.permit(this.operation.name(), this.credentials.getClientId(), this.budget);
		this.attempts++;
		return this.exchange.send(this.attempts, this.budget);
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
