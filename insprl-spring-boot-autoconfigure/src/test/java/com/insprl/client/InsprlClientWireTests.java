package com.insprl.client;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.insprl.http.InsprlHttpTransport;
import com.insprl.testing.LateRequests;
import com.insprl.testing.LoopbackWireMock;
import com.insprl.testing.TestAccount;
import com.insprl.testing.Transports;
import com.insprl.whatsapp.InsprlWhatsAppService;
import com.insprl.whatsapp.LogoutResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link InsprlClient} and {@link InsprlWhatsAppService} against a WireMock
 * stub on loopback: the wire format and how each reply is mapped, one attempt per call
 * (retries are covered by {@link InsprlFaultToleranceTests}).
 */
class InsprlClientWireTests {

	static final String KEY = TestAccount.KEY;

	static final String LOGOUT_PATH = TestAccount.LOGOUT_PATH;

	static final String SUCCESS = TestAccount.SUCCESS;

	@RegisterExtension
	static WireMockExtension insprl = LoopbackWireMock.extension();

	static final InsprlHttpTransport transport = Transports.detect();

	private final InsprlWhatsAppService service = new InsprlWhatsAppService(client(Duration.ofSeconds(5)), "inst-1");

	@AfterAll
	static void closeTransport() {
		transport.close();
	}

	static InsprlClient client(Duration readTimeout) {
		return InsprlClient.builder()
			.transport(transport)
			.timeouts(Duration.ofSeconds(2), readTimeout)
			.baseUrl(insprl.baseUrl() + "/api")
			.credentials(new InsprlCredentials("client-42", KEY))
			.maxAttempts(1)
			.build();
	}

	static void reply(int status, String contentType, String body) {
		insprl.stubFor(post(LOGOUT_PATH)
			.willReturn(aResponse().withStatus(status).withHeader("Content-Type", contentType).withBody(body)));
	}

	@Test
	void logoutSendsTheDocumentedRequest() {
		insprl.stubFor(post(LOGOUT_PATH).willReturn(okJson(SUCCESS)));
		this.service.logout("inst-1");
		insprl.verify(1,
				postRequestedFor(urlEqualTo(LOGOUT_PATH)).withHeader("Authorization", equalTo(KEY))
					.withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
					.withHeader("User-Agent", equalTo(InsprlClient.USER_AGENT))
					.withRequestBody(equalTo("client_id=client-42&instance_id=inst-1")));
	}

	@Test
	void logoutKeepsSpecialCharactersIntact() {
		insprl.stubFor(post(LOGOUT_PATH).willReturn(okJson(SUCCESS)));
		String instanceId = "a&b=c+d e%f/é☃";
		this.service.logout(instanceId);
		var requests = insprl.findAll(postRequestedFor(urlEqualTo(LOGOUT_PATH)));
		assertThat(requests).hasSize(1);
		assertThat(requests.get(0).formParameter("instance_id").firstValue()).isEqualTo(instanceId);
		assertThat(requests.get(0).formParameter("client_id").firstValue()).isEqualTo("client-42");
		assertThat(requests.get(0).getBodyAsString()).doesNotContain("Bearer").doesNotContain(" ");
	}

	@Test
	void logoutWithoutInstanceUsesTheDefaultInstance() {
		insprl.stubFor(post(LOGOUT_PATH).willReturn(okJson(SUCCESS)));
		this.service.logout();
		insprl.verify(postRequestedFor(urlEqualTo(LOGOUT_PATH))
			.withRequestBody(equalTo("client_id=client-42&instance_id=inst-1")));
	}

	@Test
	void logoutWithoutDefaultInstanceFailsBeforeAnyRequest() {
		InsprlWhatsAppService noDefault = new InsprlWhatsAppService(client(Duration.ofSeconds(5)), " ");
		assertThatIllegalStateException().isThrownBy(noDefault::logout)
			.withMessageContaining("insprl.whatsapp.instance-id");
		assertThat(insprl.getAllServeEvents()).isEmpty();
	}

	@Test
	void logoutWithNullOrBlankInstanceFailsBeforeAnyRequest() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.service.logout(null))
			.withMessageContaining("instanceId");
		assertThatIllegalArgumentException().isThrownBy(() -> this.service.logout("  "))
			.withMessageContaining("instanceId");
		assertThat(insprl.getAllServeEvents()).isEmpty();
	}

	@Test
	void successWithStringCodeIsReturned() {
		insprl.stubFor(post(LOGOUT_PATH).willReturn(okJson(SUCCESS)));
		assertThat(this.service.logout("inst-1"))
			.isEqualTo(new LogoutResult(100, "success", "Logout request sent to WhatsApp"));
	}

	@Test
	void successWithNumericCodeAndStatusFieldIsReturned() {
		insprl.stubFor(post(LOGOUT_PATH).willReturn(
				okJson("{\"code\":100,\"message\":\"success\",\"status\":\"Logout request sent to WhatsApp\"}")));
		assertThat(this.service.logout("inst-1"))
			.isEqualTo(new LogoutResult(100, "success", "Logout request sent to WhatsApp"));
	}

	@Test
	void code101IsAnAuthenticationErrorWithTheApiWords() {
		insprl.stubFor(
				post(LOGOUT_PATH).willReturn(okJson("{\"code\":\"101\",\"message\":\"Invalid Authorization Key\"}")));
		assertThatExceptionOfType(InsprlAuthenticationException.class).isThrownBy(() -> this.service.logout("inst-1"))
			.satisfies((ex) -> {
				assertThat(ex.getCode()).hasValue(101);
				assertThat(ex.getHttpStatus()).isEqualTo(200);
				assertThat(ex.getApiMessages()).containsExactly("Invalid Authorization Key");
				assertThat(ex.isRetryable()).isFalse();
				assertThat(ex.getOperation()).isEqualTo("whatsapp.instance.logout");
			})
			.withMessageContaining("Invalid Authorization Key")
			.withMessageContaining("insprl.client-key");
	}

	@Test
	void http401IsAnAuthenticationError() {
		reply(401, "application/json", "{\"code\":101,\"message\":\"Unauthenticated.\"}");
		assertThatExceptionOfType(InsprlAuthenticationException.class).isThrownBy(() -> this.service.logout("inst-1"))
			.satisfies((ex) -> assertThat(ex.getHttpStatus()).isEqualTo(401));
	}

	@Test
	void code102WithAnArrayIsAValidationErrorWithTheMessages() {
		insprl.stubFor(post(LOGOUT_PATH)
			.willReturn(okJson("{\"code\":\"102\",\"message\":[\"The instance id field is required.\","
					+ "\"The client id is invalid.\"]}")));
		assertThatExceptionOfType(InsprlValidationException.class).isThrownBy(() -> this.service.logout("inst-1"))
			.satisfies((ex) -> {
				assertThat(ex.getApiMessages()).containsExactly("The instance id field is required.",
						"The client id is invalid.");
				assertThat(ex.getFieldErrors()).isEmpty();
				assertThat(ex.isRetryable()).isFalse();
			})
			.withMessageContaining("The instance id field is required.; The client id is invalid.");
	}

	@Test
	void code102WithAnObjectKeepsTheFieldNames() {
		reply(422, "application/json",
				"{\"code\":102,\"message\":\"The given data was invalid.\","
						+ "\"errors\":{\"instance_id\":[\"The selected instance id is invalid.\"],"
						+ "\"client_id\":[\"Required.\",\"Too short.\"]}}");
		assertThatExceptionOfType(InsprlValidationException.class).isThrownBy(() -> this.service.logout("inst-1"))
			.satisfies((ex) -> {
				assertThat(ex.getHttpStatus()).isEqualTo(422);
				assertThat(ex.getFieldErrors()).containsOnly(
						Map.entry("instance_id", List.of("The selected instance id is invalid.")),
						Map.entry("client_id", List.of("Required.", "Too short.")));
				assertThat(ex.getApiMessages()).containsExactly("The given data was invalid.",
						"instance_id: The selected instance id is invalid.", "client_id: Required.",
						"client_id: Too short.");
			})
			.withMessageContaining("instance_id: The selected instance id is invalid.");
	}

	@Test
	void unknownCodeIsAnApiErrorWithTheCode() {
		insprl.stubFor(post(LOGOUT_PATH).willReturn(okJson("{\"code\":\"777\",\"message\":\"Instance is busy\"}")));
		assertThatExceptionOfType(InsprlApiException.class).isThrownBy(() -> this.service.logout("inst-1"))
			.satisfies((ex) -> {
				assertThat(ex).isExactlyInstanceOf(InsprlApiException.class);
				assertThat(ex.getCode()).hasValue(777);
				assertThat(ex.getHttpStatus()).isEqualTo(200);
				assertThat(ex.isRetryable()).isFalse();
			})
			.withMessageContaining("code 777")
			.withMessageContaining("Instance is busy");
	}

	@Test
	void accountRestrictedAndBalanceCodesSayWhatToDo() {
		reply(403, "application/json", "{\"code\":103,\"message\":\"ACCOUNT_TEMP_BLOCKED\"}");
		assertThatExceptionOfType(InsprlApiException.class).isThrownBy(() -> this.service.logout("inst-1"))
			.withMessageContaining("account is restricted")
			.withMessageContaining("ACCOUNT_TEMP_BLOCKED");
		reply(400, "application/json", "{\"code\":104,\"errors\":\"INSUFFICIENT_BALANCE\"}");
		assertThatExceptionOfType(InsprlApiException.class).isThrownBy(() -> this.service.logout("inst-1"))
			.withMessageContaining("wallet balance is insufficient")
			.withMessageContaining("INSUFFICIENT_BALANCE");
	}

	@Test
	void http500WithJsonIsAnApiErrorWithTheApiWords() {
		reply(500, "application/json", "{\"code\":105,\"message\":\"Internal error, try later\"}");
		assertThatExceptionOfType(InsprlApiException.class).isThrownBy(() -> this.service.logout("inst-1"))
			.satisfies((ex) -> {
				assertThat(ex.getHttpStatus()).isEqualTo(500);
				assertThat(ex.getCode()).hasValue(105);
			})
			.withMessageContaining("Internal error, try later");
	}

	@Test
	void http500WithoutJsonIsAnApiErrorWithAShortExcerpt() {
		reply(500, "text/html", "<html><body><h1>500 Internal Server Error</h1>" + "x".repeat(5000) + "</body></html>");
		assertThatExceptionOfType(InsprlApiException.class).isThrownBy(() -> this.service.logout("inst-1"))
			.satisfies((ex) -> {
				assertThat(ex.getHttpStatus()).isEqualTo(500);
				assertThat(ex.getCode()).isEmpty();
				assertThat(ex.getMessage()).hasSizeLessThan(400);
			})
			.withMessageContaining("HTTP 500")
			.withMessageContaining("500 Internal Server Error");
	}

	@Test
	void htmlPageWithStatus200IsAConnectionError() {
		reply(200, "text/html",
				"<html><body>Oops! Facing network problem. Unable to load this page. Refresh" + "</body></html>");
		assertThatExceptionOfType(InsprlConnectionException.class).isThrownBy(() -> this.service.logout("inst-1"))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(InsprlConnectionException.Reason.MALFORMED_REPLY))
			.withMessageContaining("not JSON")
			.withMessageContaining("text/html")
			.withMessageContaining("Oops! Facing network problem");
	}

	@Test
	void truncatedJsonIsAConnectionError() {
		reply(200, "application/json", "{\"code\":\"100\",\"message\":\"succ");
		assertThatExceptionOfType(InsprlConnectionException.class).isThrownBy(() -> this.service.logout("inst-1"))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(InsprlConnectionException.Reason.MALFORMED_REPLY));
	}

	@Test
	void jsonThatIsNotAnObjectIsAConnectionError() {
		reply(200, "application/json", "[\"success\"]");
		assertThatExceptionOfType(InsprlConnectionException.class).isThrownBy(() -> this.service.logout("inst-1"))
			.withMessageContaining("not a JSON object");
	}

	@Test
	void emptyBodyIsAConnectionError() {
		reply(200, "application/json", "");
		assertThatExceptionOfType(InsprlConnectionException.class).isThrownBy(() -> this.service.logout("inst-1"))
			.satisfies((ex) -> {
				assertThat(ex.getReason()).isEqualTo(InsprlConnectionException.Reason.EMPTY_REPLY);
				assertThat(ex.isRetryable()).isTrue();
			});
	}

	@Test
	void connectionResetIsAConnectionError() {
		insprl.stubFor(post(LOGOUT_PATH).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
		assertThatExceptionOfType(InsprlConnectionException.class).isThrownBy(() -> this.service.logout("inst-1"))
			.satisfies((ex) -> {
				assertThat(ex.getReason()).isEqualTo(InsprlConnectionException.Reason.CONNECTION_RESET);
				assertThat(ex.isRetryable()).isTrue();
				assertThat(ex.getCause()).isNotNull();
			});
	}

	@Test
	void readTimeoutIsAConnectionError() {
		InsprlWhatsAppService impatient = new InsprlWhatsAppService(client(Duration.ofMillis(300)), null);
		insprl.stubFor(post(LOGOUT_PATH).willReturn(okJson(SUCCESS).withFixedDelay(3000)));
		long start = System.nanoTime();
		assertThatExceptionOfType(InsprlConnectionException.class).isThrownBy(() -> impatient.logout("inst-1"))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(InsprlConnectionException.Reason.TIMEOUT));
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2500));
		LateRequests.awaitServed(insprl, 1);
	}

	@Test
	void refusedConnectionIsAConnectFailure() throws Exception {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			closedPort = socket.getLocalPort();
		}
		InsprlClient closed = InsprlClient.builder()
			.timeouts(Duration.ofSeconds(1), Duration.ofSeconds(5))
			.transport(transport)
			.baseUrl("http://127.0.0.1:" + closedPort + "/api")
			.credentials(new InsprlCredentials("client-42", KEY))
			.maxAttempts(1)
			.build();
		assertThatExceptionOfType(InsprlConnectionException.class)
			.isThrownBy(() -> new InsprlWhatsAppService(closed, null).logout("inst-1"))
			.satisfies((ex) -> {
				assertThat(ex.getReason()).isEqualTo(InsprlConnectionException.Reason.CONNECT_FAILED);
				assertThat(ex.isPossiblyProcessed()).isFalse();
				assertThat(ex.isRetryable()).isTrue();
			});
	}

	@Test
	void clientKeyNeverAppearsInExceptionMessages() {
		reply(200, "text/html", "<p>bad key " + KEY + "</p>");
		assertThatExceptionOfType(InsprlConnectionException.class).isThrownBy(() -> this.service.logout("inst-1"))
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain(KEY).contains("******"));
		insprl.stubFor(post(LOGOUT_PATH).willReturn(okJson("{\"code\":101,\"message\":\"key " + KEY + " unknown\"}")));
		assertThatExceptionOfType(InsprlAuthenticationException.class).isThrownBy(() -> this.service.logout("inst-1"))
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain(KEY));
	}

	@Test
	void successReplyWithoutAUsableCodeIsAMalformedReply() {
		for (String body : new String[] { "{}", "{\"message\":\"success\"}", "{\"code\":\"+100\"}",
				"{\"code\":\"\u0661\u0660\u0660\"}", "{\"code\":\" 100 \"}", "{\"code\":100.0}", "{\"code\":null}" }) {
			reply(200, "application/json", body);
			assertThatExceptionOfType(InsprlConnectionException.class).as(body)
				.isThrownBy(() -> this.service.logout("inst-1"))
				.satisfies((ex) -> {
					assertThat(ex.getReason()).isEqualTo(InsprlConnectionException.Reason.MALFORMED_REPLY);
					assertThat(ex.isRetryable()).isFalse();
				})
				.withMessageContaining("no usable code");
		}
	}

	@Test
	void aRedirectSaysWhereItPointedAsFarAsItCanBeRead() {
		Map<String, String> locations = Map.of("https://elsewhere.example/api", "to host 'elsewhere.example'",
				"/api/moved", "to the same host", "http://bad host/ x", "to host '(an unreadable location)'");
		locations.forEach((location, where) -> {
			insprl.stubFor(post(LOGOUT_PATH).willReturn(aResponse().withStatus(302).withHeader("Location", location)));
			assertThatExceptionOfType(InsprlConnectionException.class).as(location)
				.isThrownBy(() -> this.service.logout("inst-1"))
				.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(InsprlConnectionException.Reason.REDIRECTED))
				.withMessageContaining("redirected whatsapp.instance.logout " + where + " (HTTP 302)");
		});
		insprl.stubFor(post(LOGOUT_PATH).willReturn(aResponse().withStatus(301)));
		assertThatExceptionOfType(InsprlConnectionException.class).isThrownBy(() -> this.service.logout("inst-1"))
			.withMessageContaining("redirected whatsapp.instance.logout without saying where (HTTP 301)");
	}

}
