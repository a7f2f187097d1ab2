package com.insprl.http;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.insprl.testing.RawHttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.ClientHttpRequest;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.ClientHttpResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link ReactorLibrary}: Reactor Netty's own timer closes a connection whose
 * reply is not complete just past the deadline, even where nothing interrupts the caller,
 * and leaves alone a connection whose reply was.
 */
class ReactorLibraryTests {

	private static final Duration DEADLINE = Duration.ofMillis(200);

	private static final String OK = "{\"code\":\"100\",\"message\":\"success\",\"result\":\"ok\"}";

	private final ReactorLibrary library = new ReactorLibrary(ClientHttpRequestFactoryBuilder.reactor());

	private final ClientHttpRequestFactory factory = this.library.build(HttpClientSettings.defaults(), DEADLINE, 1);

	private final ExecutorService caller = Executors.newSingleThreadExecutor();

	@AfterEach
	void close() {
		this.caller.shutdownNow();
		this.library.release(this.factory);
	}

	/**
	 * The reply's head trickles a byte every 100 ms, so that Reactor Netty sees neither a
	 * complete head nor a silence; nothing but the library's timer ends the exchange.
	 */
	@Test
	void aConnectionWhoseReplyIsNotCompleteIsClosedJustPastTheDeadline() throws Exception {
		String head = "HTTP/1.1 200 OK\r\nX-Padding: " + "p".repeat(200) + "\r\nContent-Length: 2\r\n\r\n{}";
		try (RawHttpServer server = RawHttpServer.start((exchange) -> exchange.trickle(head, Duration.ofMillis(100)))) {
			Future<ClientHttpResponse> exchange = this.caller.submit(() -> post(server).execute());
			assertThat(server.awaitClientGone(Duration.ofSeconds(10))).as("the connection was closed").isTrue();
			assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> exchange.get(10, TimeUnit.SECONDS));
		}
	}

	/**
	 * A complete reply cancels the timer: waiting past the deadline, the next exchange
	 * still goes over the same connection.
	 */
	@Test
	void aConnectionWhoseReplyWasCompleteStaysOpenPastTheDeadlineForTheNextExchange() throws Exception {
		try (RawHttpServer server = RawHttpServer.startKeepAlive(
				(exchange) -> exchange.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
						+ OK.length() + "\r\n\r\n" + OK))) {
			exchangeOnce(server);
			Thread.sleep(DEADLINE.plus(ReactorLibrary.GRACE).multipliedBy(3).toMillis());
			exchangeOnce(server);
			assertThat(server.connections()).as("connections opened").isEqualTo(1);
		}
	}

	private void exchangeOnce(RawHttpServer server) throws Exception {
		try (ClientHttpResponse response = post(server).execute()) {
			assertThat(response.getStatusCode().value()).isEqualTo(200);
			assertThat(response.getBody().readAllBytes()).hasSize(OK.length());
		}
	}

	private ClientHttpRequest post(RawHttpServer server) throws Exception {
		return this.factory.createRequest(URI.create(server.baseUrl() + "/whatsapp/instance/logout"), HttpMethod.POST);
	}

}
