package com.insprl.observation;

import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

/**
 * What an {@code insprl.api.calls} observation knows of one insprl call: the operation,
 * and once it has ended, its outcome, the API code of the last reply and the attempts
 * made.
 */
public class InsprlObservationContext extends Observation.Context {

	private final String operation;

	private final String clientId;

	private String outcome = "unknown";

	private @Nullable Integer code;

	private int attempts;

	/**
	 * Create a context for a call.
	 * @param operation the operation name, such as {@code whatsapp.instance.logout}
	 * @param clientId the account's client id
	 */
	public InsprlObservationContext(String operation, String clientId) {
		this.operation = operation;
		this.clientId = clientId;
	}

	/**
	 * Return the account's client id. The default convention does not tag it: an
	 * application may serve any number of accounts. A convention of the application's own
	 * may, where its accounts are few.
	 * @return the client id
	 */
	public String getClientId() {
		return this.clientId;
	}

	/**
	 * Return the operation name.
	 * @return the operation, such as {@code whatsapp.instance.logout}
	 */
	public String getOperation() {
		return this.operation;
	}

	/**
	 * Return how the call ended, as a tag value: {@code success}, {@code authentication},
	 * {@code validation}, {@code rate_limited}, {@code api_error} or {@code connection}
	 * ({@code unknown} while it runs).
	 * @return the outcome
	 */
	public String getOutcome() {
		return this.outcome;
	}

	/**
	 * Return the API code of the last reply.
	 * @return the code, or {@code null} when the reply had none
	 */
	public @Nullable Integer getCode() {
		return this.code;
	}

	/**
	 * Return how many requests the call made, retries included.
	 * @return the attempts
	 */
	public int getAttempts() {
		return this.attempts;
	}

	/**
	 * Record how the call ended; the client that made the call does.
	 * @param outcome the outcome tag value
	 * @param code the API code of the last reply, or {@code null}
	 * @param attempts the requests made
	 */
	protected void ended(String outcome, @Nullable Integer code, int attempts) {
		this.outcome = outcome;
		this.code = code;
		this.attempts = attempts;
	}

}
