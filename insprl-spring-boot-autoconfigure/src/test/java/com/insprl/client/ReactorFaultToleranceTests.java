package com.insprl.client;

import com.insprl.client.InsprlConnectionException.Reason;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;

/**
 * The fault suite on the reactor client library.
 */
class ReactorFaultToleranceTests extends AbstractFaultToleranceTests {

	ReactorFaultToleranceTests() {
		super(ClientHttpRequestFactoryBuilder.reactor(), "reactor", Reason.CONNECTION_RESET, Reason.CONNECTION_RESET);
	}

	@Override
	boolean reusesAConnectionAtOnce() {
		return false;
	}

}
