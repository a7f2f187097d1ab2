package com.insprl.client;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;

/**
 * The fault suite on the jdk client library.
 */
class JdkFaultToleranceTests extends AbstractFaultToleranceTests {

	@Override
	ClientHttpRequestFactoryBuilder<?> library() {
		return ClientHttpRequestFactoryBuilder.jdk();
	}

	@Override
	String expectedLibraryName() {
		return "jdk";
	}

	@Override
	InsprlConnectionException.Reason malformedChunkReason() {
		return InsprlConnectionException.Reason.IO_ERROR;
	}

	@Override
	InsprlConnectionException.Reason randomDataReason() {
		return InsprlConnectionException.Reason.CONNECTION_RESET;
	}

}
