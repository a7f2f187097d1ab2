package com.insprl.client.internal;

import com.insprl.observation.InsprlObservationContext;
import org.jspecify.annotations.Nullable;

/**
 * The observation context of a call the client makes: the client records how the call
 * ended, the application's conventions and handlers only read it.
 */
public final class CallObservationContext extends InsprlObservationContext {

	/**
	 * Create the context of a call.
	 * @param operation the operation name
	 * @param clientId the account's client id
	 */
	public CallObservationContext(String operation, String clientId) {
		super(operation, clientId);
	}

	/**
	 * Record how the call ended.
	 * @param outcome the outcome tag value
	 * @param code the API code of the last reply, or {@code null}
	 * @param attempts the requests made
	 */
	public void end(String outcome, @Nullable Integer code, int attempts) {
		ended(outcome, code, attempts);
	}

}
