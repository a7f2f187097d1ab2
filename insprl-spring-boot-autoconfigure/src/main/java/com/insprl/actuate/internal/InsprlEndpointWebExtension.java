package com.insprl.actuate.internal;

import org.springframework.boot.actuate.endpoint.annotation.DeleteOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.actuate.endpoint.web.annotation.EndpointWebExtension;

/**
 * The {@link InsprlEndpoint}'s answers on the web: {@code DELETE insprl/{clientId}}
 * answers 404 for an account that is not paused.
 */
@EndpointWebExtension(endpoint = InsprlEndpoint.class)
public class InsprlEndpointWebExtension {

	private final InsprlEndpoint endpoint;

	/**
	 * Create the extension.
	 * @param endpoint the endpoint
	 */
	public InsprlEndpointWebExtension(InsprlEndpoint endpoint) {
		this.endpoint = endpoint;
	}

	/**
	 * Lift the account's pause.
	 * @param clientId the account's client id
	 * @return 200 with what was lifted, or 404 when the account was not paused
	 */
	@DeleteOperation
	public WebEndpointResponse<InsprlEndpoint.LiftedPause> liftPause(@Selector String clientId) {
		InsprlEndpoint.LiftedPause lifted = this.endpoint.liftPause(clientId);
		return (lifted != null) ? new WebEndpointResponse<>(lifted)
				: new WebEndpointResponse<>(WebEndpointResponse.STATUS_NOT_FOUND);
	}

}
