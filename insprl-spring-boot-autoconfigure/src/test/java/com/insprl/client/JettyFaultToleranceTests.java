package com.insprl.client;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;

/**
 * The fault suite on the jetty client library.
 */
class JettyFaultToleranceTests extends AbstractFaultToleranceTests {

	@Override
	ClientHttpRequestFactoryBuilder<?> library() {
		return ClientHttpRequestFactoryBuilder.jetty();
	}

	@Override
	String expectedLibraryName() {
		return "jetty";
	}

	@Override
	InsprlConnectionException.Reason malformedChunkReason() {
		return InsprlConnectionException.Reason.CONNECTION_RESET;
	}

	@Override
	InsprlConnectionException.Reason randomDataReason() {
		return InsprlConnectionException.Reason.MALFORMED_REPLY;
	}

}
