package com.insprl.client;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;

/**
 * The fault suite on the http-components client library.
 */
class HttpComponentsFaultToleranceTests extends AbstractFaultToleranceTests {

	@Override
	ClientHttpRequestFactoryBuilder<?> library() {
		return ClientHttpRequestFactoryBuilder.httpComponents();
	}

	@Override
	String expectedLibraryName() {
		return "http-components";
	}

	@Override
	InsprlConnectionException.Reason malformedChunkReason() {
		return InsprlConnectionException.Reason.MALFORMED_REPLY;
	}

	@Override
	InsprlConnectionException.Reason randomDataReason() {
		return InsprlConnectionException.Reason.CONNECTION_RESET;
	}

}
