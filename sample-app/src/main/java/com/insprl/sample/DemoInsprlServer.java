package com.insprl.sample;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.Slf4jNotifier;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * An insprl stand-in on loopback that answers like the real API, from the stub mappings
 * under {@code insprl-demo/mappings} on the class path.
 */
public final class DemoInsprlServer implements AutoCloseable {

	/** The CLIENT ID the demo stub accepts. */
	public static final String CLIENT_ID = "demo-client";

	/** The CLIENT KEY the demo stub accepts; any other key is answered with code 101. */
	public static final String CLIENT_KEY = "demo-key";

	private final WireMockServer server;

	private DemoInsprlServer(WireMockServer server) {
		this.server = server;
	}

	/**
	 * Start a stub on a free loopback port.
	 * @return the running stub
	 */
	public static DemoInsprlServer start() {
		WireMockServer server = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1")
			.dynamicPort()
			.usingFilesUnderClasspath("insprl-demo")
			.containerThreads(10)
			.notifier(new Slf4jNotifier(false)));
		server.start();
		return new DemoInsprlServer(server);
	}

	/**
	 * Return the base URL to set as {@code insprl.base-url}.
	 * @return the stub's API root
	 */
	public String baseUrl() {
		return "http://127.0.0.1:" + this.server.port() + "/api";
	}

	/**
	 * Return the underlying WireMock server, for tests that check what it received.
	 * @return the server
	 */
	public WireMockServer wireMock() {
		return this.server;
	}

	@Override
	public void close() {
		this.server.stop();
	}

}
