package com.insprl.client;

import com.insprl.client.InsprlConnectionException.Reason;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;

/**
 * The fault suite on the jetty client library.
 */
class JettyFaultToleranceTests extends AbstractFaultToleranceTests {

	JettyFaultToleranceTests() {
		super(ClientHttpRequestFactoryBuilder.jetty(), "jetty", Reason.CONNECTION_RESET, Reason.MALFORMED_REPLY);
	}

	/**
	 * Jetty releases a connection to its pool when the exchange completes on its own
	 * thread, which can be a moment after the caller has read the whole reply.
	 */
	@Override
	boolean reusesAConnectionAtOnce() {
		return false;
	}

}
