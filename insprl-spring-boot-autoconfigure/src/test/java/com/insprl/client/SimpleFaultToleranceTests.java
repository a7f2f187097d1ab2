package com.insprl.client;

import com.insprl.client.InsprlConnectionException.Reason;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;

/**
 * The fault suite on the simple client library.
 */
class SimpleFaultToleranceTests extends AbstractFaultToleranceTests {

	SimpleFaultToleranceTests() {
		super(ClientHttpRequestFactoryBuilder.simple(), "simple", Reason.IO_ERROR, Reason.MALFORMED_REPLY);
	}

	@Override
	boolean closesAbandonedSlowConnections() {
		return false;
	}

}
