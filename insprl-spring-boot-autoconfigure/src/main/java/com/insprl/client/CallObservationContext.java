package com.insprl.client;

import com.insprl.observation.InsprlObservationContext;
import org.jspecify.annotations.Nullable;

/**
 * The observation context of a call this client makes: the client records how the call
 * ended, the application's conventions and handlers only read it.
 */
final class CallObservationContext extends InsprlObservationContext {

	CallObservationContext(String operation, String clientId) {
		super(operation, clientId);
	}

	void end(InsprlCallEvent.Outcome outcome, @Nullable Integer code, int attempts) {
		ended(outcome.tag(), code, attempts);
	}

}
