package com.insprl.client;

import com.insprl.client.InsprlConnectionException.Reason;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;

/**
 * The fault suite on the http-components client library.
 */
class HttpComponentsFaultToleranceTests extends AbstractFaultToleranceTests {

	HttpComponentsFaultToleranceTests() {
		super(ClientHttpRequestFactoryBuilder.httpComponents(), "http-components", Reason.MALFORMED_REPLY,
				Reason.CONNECTION_RESET);
	}

}
