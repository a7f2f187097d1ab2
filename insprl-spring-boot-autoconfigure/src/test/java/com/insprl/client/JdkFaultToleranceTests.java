package com.insprl.client;

import com.insprl.client.InsprlConnectionException.Reason;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;

/**
 * The fault suite on the jdk client library.
 */
class JdkFaultToleranceTests extends AbstractFaultToleranceTests {

	JdkFaultToleranceTests() {
		super(ClientHttpRequestFactoryBuilder.jdk(), "jdk", Reason.IO_ERROR, Reason.CONNECTION_RESET);
	}

}
