package com.insprl.client;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;

/**
 * The fault suite on the simple client library.
 */
class SimpleFaultToleranceTests extends AbstractFaultToleranceTests {

	@Override
	ClientHttpRequestFactoryBuilder<?> library() {
		return ClientHttpRequestFactoryBuilder.simple();
	}

	@Override
	String expectedLibraryName() {
		return "simple";
	}

	@Override
	InsprlConnectionException.Reason malformedChunkReason() {
		return InsprlConnectionException.Reason.IO_ERROR;
	}

	@Override
	InsprlConnectionException.Reason randomDataReason() {
		return InsprlConnectionException.Reason.MALFORMED_REPLY;
	}

	@Override
	boolean closesAbandonedSlowConnections() {
		return false;
	}

}
