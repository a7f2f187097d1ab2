package com.insprl.testing;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * The WireMock server a test class talks to: on loopback, on a free port.
 */
public final class LoopbackWireMock {

	private LoopbackWireMock() {
	}

	/**
	 * Return an extension that starts a WireMock server on {@code 127.0.0.1} for the test
	 * class and resets it between tests.
	 * @return the extension, to register in a static field
	 */
	public static WireMockExtension extension() {
		return WireMockExtension.newInstance().options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();
	}

}
