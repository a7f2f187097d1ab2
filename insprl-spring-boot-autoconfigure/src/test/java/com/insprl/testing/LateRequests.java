package com.insprl.testing;

import java.time.Duration;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.awaitility.Awaitility;

/**
 * Requests a test leaves a WireMock stub holding (a delayed answer the client gave up
 * on), which the stub records only once it has answered them, possibly during the next
 * test: a test that leaves them waits for them, so that they are never counted as the
 * next test's.
 */
public final class LateRequests {

	private LateRequests() {
	}

	/**
	 * Wait until the stub has answered and recorded the requests a test left it holding.
	 * @param stub the stub
	 * @param requests how many it holds, in all
	 */
	public static void awaitServed(WireMockExtension stub, int requests) {
		Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> stub.getAllServeEvents().size() >= requests);
	}

}
