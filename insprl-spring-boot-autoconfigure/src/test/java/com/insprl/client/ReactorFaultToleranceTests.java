package com.insprl.client;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;

/**
 * The fault suite on the reactor client library.
 */
class ReactorFaultToleranceTests extends AbstractFaultToleranceTests {

	@Override
	ClientHttpRequestFactoryBuilder<?> library() {
		return ClientHttpRequestFactoryBuilder.reactor();
	}

	@Override
	String expectedLibraryName() {
		return "reactor";
	}

	@Override
	InsprlConnectionException.Reason malformedChunkReason() {
		return InsprlConnectionException.Reason.CONNECTION_RESET;
	}

	@Override
	InsprlConnectionException.Reason randomDataReason() {
		return InsprlConnectionException.Reason.CONNECTION_RESET;
	}

}
