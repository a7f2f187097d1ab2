package com.insprl.client;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.insprl.testing.RawHttpServer;
import com.insprl.testing.TestAccount;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the {@link InsprlCallEvent} a call ends with: what it tells of a call that
 * was retried once, and that no listener changes what the call returns.
 */
class InsprlCallEventTests {

	private static final InsprlClient.Operation LOGOUT = new InsprlClient.Operation("whatsapp.instance.logout",
			"/whatsapp/instance/logout", InsprlClient.Operation.AuthScheme.RAW_KEY, true);

	private static final String OK = "{\"code\":\"100\",\"message\":\"success\",\"result\":\"ok\"}";

	@Test
	void theEventTellsTheOutcomeTheAttemptsAndTheTimeTheCallTookBackOffIncluded() throws Exception {
		AtomicInteger replies = new AtomicInteger();
		List<InsprlCallEvent> events = new CopyOnWriteArrayList<>();
		try (RawHttpServer server = RawHttpServer.startKeepAlive((exchange) -> exchange
			.write((replies.getAndIncrement() == 0) ? "HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\n\r\n"
					: "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + OK.length() + "\r\n\r\n"
							+ OK))) {
			InsprlClient client = InsprlClient.builder()
				.baseUrl(server.baseUrl())
				.credentials(TestAccount.credentials())
				.maxAttempts(2)
				.backoff(Duration.ofMillis(100), Duration.ofMillis(100), 2.0)
				.timeouts(Duration.ofSeconds(2), Duration.ofSeconds(5))
				.listener(events::add)
				.build();
			try {
				Instant before = Instant.now();
				long start = System.nanoTime();
				assertThat(client.post(LOGOUT, Map.of("instance_id", "inst-1")).code()).isEqualTo(100);
				Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
				Instant after = Instant.now();
				assertThat(events).singleElement().satisfies((event) -> {
					assertThat(event.operation()).isEqualTo("whatsapp.instance.logout");
					assertThat(event.outcome()).isEqualTo(InsprlCallEvent.Outcome.SUCCESS);
					assertThat(event.code()).isEqualTo(100);
					assertThat(event.attempts()).isEqualTo(2);
					assertThat(event.duration()).as("at least half the back-off, at most the call")
						.isBetween(Duration.ofMillis(50), elapsed);
					assertThat(event.completedAt()).isBetween(before, after);
					assertThat(event.clientId()).isEqualTo("client-42");
				});
			}
			finally {
				client.close();
			}
		}
	}

	@Test
	void aListenerThatFailsNeverReplacesTheCallsResultNorKeepsOthersFromBeingTold() throws Exception {
		List<InsprlCallEvent> events = new CopyOnWriteArrayList<>();
		try (RawHttpServer server = RawHttpServer.startKeepAlive(
				(exchange) -> exchange.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
						+ OK.length() + "\r\n\r\n" + OK))) {
			InsprlClient client = InsprlClient.builder()
				.timeouts(Duration.ofSeconds(1), Duration.ofSeconds(5))
				.baseUrl(server.baseUrl())
				.credentials(TestAccount.credentials())
				.listener((event) -> {
					throw new IllegalStateException("a failing listener");
				})
				.listener(events::add)
				.build();
			try {
				assertThat(client.post(LOGOUT, Map.of("instance_id", "inst-1")).code()).isEqualTo(100);
				assertThat(events).as("the listeners that work are told").hasSize(1);
			}
			finally {
				client.close();
			}
		}
	}

}
