package com.insprl.client;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;

import com.insprl.http.InsprlHttpTransport;
import com.insprl.testing.RawHttpServer;
import com.insprl.testing.TestAccount;
import com.insprl.testing.Transports;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link InsprlClient#close()}: a client releases the transport it created, and
 * only that one; a client whose transport is closed says so, and sends nothing.
 */
class InsprlClientCloseTests {

	private static final InsprlClient.Operation LOGOUT = new InsprlClient.Operation("whatsapp.instance.logout",
			"/whatsapp/instance/logout", InsprlClient.Operation.AuthScheme.RAW_KEY, true);

	private static final String OK = "{\"code\":\"100\",\"message\":\"success\",\"result\":\"ok\"}";

	private static final InsprlCredentials ACCOUNT = TestAccount.credentials();

	private RawHttpServer server;

	@BeforeEach
	void startServer() throws IOException {
		this.server = RawHttpServer.startKeepAlive(
				(exchange) -> exchange.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
						+ OK.length() + "\r\n\r\n" + OK));
	}

	@AfterEach
	void stopServer() throws IOException {
		this.server.close();
	}

	@Test
	void closingAClientReleasesTheTransportItCreated() {
		InsprlClient client = builder().build();
		assertSends(client);
		client.close();
		assertThatIllegalStateException().isThrownBy(() -> logout(client))
			.withMessage("This insprl client's HTTP transport is closed: calls need a client whose transport is open");
		assertThat(this.server.requests()).as("requests that reached the server").hasSize(1);
	}

	@Test
	void aClientOfAnotherAccountCannotSendOnceItsOriginIsClosed() {
		InsprlClient client = builder().build();
		InsprlClient other = client.withCredentials(new InsprlCredentials("client-43", "sk-live-0b1d2e3f"));
		client.close();
		assertThatIllegalStateException().isThrownBy(() -> logout(other))
			.withMessageContaining("HTTP transport is closed");
		assertThat(this.server.requests()).isEmpty();
	}

	@Test
	void aClosedTransportRefusesToBuildAnotherClient() {
		InsprlHttpTransport transport = Transports.detect();
		InsprlClient client = builder().transport(transport).build();
		transport.close();
		assertThat(transport.isClosed()).isTrue();
		assertThatIllegalStateException().isThrownBy(() -> logout(client))
			.withMessageContaining("HTTP transport is closed");
		assertThatIllegalStateException().isThrownBy(() -> builder().transport(transport).build())
			.withMessage("The insprl HTTP transport is closed");
		assertThat(this.server.requests()).isEmpty();
	}

	@Test
	void closingAClientOfAnotherAccountLeavesTheSharedTransportOpen() {
		InsprlClient client = builder().build();
		InsprlClient other = client.withCredentials(new InsprlCredentials("client-43", "sk-live-0b1d2e3f"));
		try {
			other.close();
			assertSends(other);
			assertSends(client);
		}
		finally {
			client.close();
		}
	}

	@Test
	void closingAClientLeavesATransportItWasGivenToItsOwner() {
		try (InsprlHttpTransport transport = Transports.detect()) {
			InsprlClient client = builder().transport(transport).build();
			client.close();
			assertSends(client);
			assertSends(builder().transport(transport).build());
		}
	}

	private InsprlClientBuilder builder() {
		return InsprlClient.builder()
			.baseUrl(this.server.baseUrl())
			.credentials(ACCOUNT)
			.maxAttempts(1)
			.timeouts(Duration.ofSeconds(2), Duration.ofSeconds(5));
	}

	private static void assertSends(InsprlClient client) {
		assertThat(logout(client).code()).isEqualTo(100);
	}

	private static InsprlClient.Reply logout(InsprlClient client) {
		return client.post(LOGOUT, Map.of("instance_id", "inst-1"));
	}

}
