package com.insprl.client;

import java.time.Duration;
import java.util.Map;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.insprl.http.InsprlHttpTransport;
import com.insprl.testing.KeyRuns;
import com.insprl.testing.LoopbackWireMock;
import com.insprl.testing.Transports;
import com.insprl.whatsapp.InsprlWhatsAppService;
import com.insprl.whatsapp.LogoutResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A reply that quotes the client key, whole or in part, anywhere: no run of six of its
 * characters reaches an exception's message, API messages, field errors or a result,
 * wherever the text is cut.
 */
class KeyExposureTests {

	static final String KEY = "sk-live-Q7f3a9c1eX2b8d4";

	static final String PATH = "/api/whatsapp/instance/logout";

	@RegisterExtension
	static WireMockExtension insprl = LoopbackWireMock.extension();

	static final InsprlHttpTransport transport = Transports.detect();

	private final InsprlWhatsAppService service = new InsprlWhatsAppService(InsprlClient.builder()
		.transport(transport)
		.timeouts(Duration.ofSeconds(2), Duration.ofSeconds(5))
		.baseUrl(insprl.baseUrl() + "/api")
		.credentials(new InsprlCredentials("client-42", KEY))
		.maxAttempts(1)
		.build(), null);

	@AfterAll
	static void closeTransport() {
		transport.close();
	}

	private static String json(String text) {
		return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
	}

	@Test
	void echoedKeyIsMaskedInAnAuthenticationError() {
		insprl.stubFor(post(PATH)
			.willReturn(okJson("{\"code\":\"101\",\"message\":" + json("Invalid Authorization Key " + KEY) + "}")));
		assertThatExceptionOfType(InsprlAuthenticationException.class).isThrownBy(() -> this.service.logout("inst-1"))
			.satisfies((ex) -> {
				assertThat(ex.getApiMessages()).containsExactly("Invalid Authorization Key ******");
				KeyRuns.assertNone(KEY, ex.getMessage(), ex.getApiMessages(), ex);
			});
	}

	@Test
	void echoedKeyIsMaskedInFieldErrorsNamesAndValues() {
		insprl.stubFor(post(PATH).willReturn(aResponse().withStatus(422)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"code\":102,\"errors\":{" + json(KEY) + ":[" + json("unknown key " + KEY.substring(0, 10))
					+ "],\"client_key\":[" + json(KEY.substring(8) + " is not valid") + "]}}")));
		assertThatExceptionOfType(InsprlValidationException.class).isThrownBy(() -> this.service.logout("inst-1"))
			.satisfies((ex) -> {
				assertThat(ex.getFieldErrors()).containsKeys("******", "client_key");
				KeyRuns.assertNone(KEY, ex.getMessage(), ex.getApiMessages(), ex.getFieldErrors(), ex);
			});
	}

	/**
	 * A key of digits between letters, echoed as JSON numbers in the message and in the
	 * field errors, names and values.
	 */
	@Test
	void echoedKeyDigitsAreMaskedWhenTheReplyHoldsThemAsNumbers() {
		String key = "kz-4815162342-qv";
		InsprlWhatsAppService digits = new InsprlWhatsAppService(InsprlClient.builder()
			.transport(transport)
			.timeouts(Duration.ofSeconds(2), Duration.ofSeconds(5))
			.baseUrl(insprl.baseUrl() + "/api")
			.credentials(new InsprlCredentials("client-42", key))
			.maxAttempts(1)
			.build(), null);
		insprl.stubFor(post(PATH).willReturn(aResponse().withStatus(422)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"code\":102,\"message\":4815162342,\"errors\":{\"client_key\":[4815162342,81516.2342]}}")));
		assertThatExceptionOfType(InsprlValidationException.class).isThrownBy(() -> digits.logout("inst-1"))
			.satisfies((ex) -> {
				assertThat(ex.getApiMessages()).isNotEmpty();
				assertThat(ex.getFieldErrors()).containsKey("client_key");
				KeyRuns.assertNone(key, ex.getMessage(), ex.getApiMessages(), ex.getFieldErrors(), ex);
			});
	}

	@Test
	void echoedKeyIsMaskedInASuccessfulResult() {
		insprl.stubFor(post(PATH).willReturn(okJson("{\"code\":\"100\",\"message\":" + json("ok for " + KEY)
				+ ",\"result\":" + json("Logout request for " + KEY.substring(3, 12) + " sent") + "}")));
		LogoutResult result = this.service.logout("inst-1");
		assertThat(result.result()).isEqualTo("Logout request for ****** sent");
		KeyRuns.assertNone(KEY, result, result.message(), result.result());
	}

	@Test
	void keyAcrossTheMessageCutLeavesNoRunOfIt() {
		for (int shift = 0; shift <= KEY.length(); shift++) {
			String padding = "m".repeat(420 + shift);
			insprl.stubFor(post(PATH)
				.willReturn(okJson("{\"code\":\"777\",\"message\":" + json(padding + KEY + " tail") + "}")));
			assertThatExceptionOfType(InsprlApiException.class).isThrownBy(() -> this.service.logout("inst-1"))
				.satisfies((ex) -> KeyRuns.assertNone(KEY, ex.getMessage(), ex.getApiMessages()));
		}
	}

	@Test
	void keyAcrossTheBodyExcerptCutLeavesNoRunOfIt() {
		for (int shift = 0; shift <= KEY.length(); shift++) {
			String page = "<html>" + "p".repeat(100 + shift) + KEY + "</html>";
			insprl.stubFor(post(PATH).willReturn(aResponse().withHeader("Content-Type", "text/html").withBody(page)));
			assertThatExceptionOfType(InsprlConnectionException.class).isThrownBy(() -> this.service.logout("inst-1"))
				.satisfies((ex) -> KeyRuns.assertNone(KEY, ex.getMessage()));
			insprl.stubFor(post(PATH)
				.willReturn(aResponse().withStatus(500).withHeader("Content-Type", "text/html").withBody(page)));
			assertThatExceptionOfType(InsprlApiException.class).isThrownBy(() -> this.service.logout("inst-1"))
				.satisfies((ex) -> KeyRuns.assertNone(KEY, ex.getMessage(), ex.getApiMessages()));
		}
	}

	@Test
	void theClientsOwnWordsAreNotMaskedWhenTheKeySharesThem() {
		InsprlClient client = InsprlClient.builder()
			.timeouts(Duration.ofSeconds(1), Duration.ofSeconds(5))
			.transport(transport)
			.baseUrl(insprl.baseUrl() + "/api")
			.credentials(new InsprlCredentials("client-42", "insprl-rejected-key"))
			.maxAttempts(1)
			.build();
		insprl.stubFor(
				post(PATH).willReturn(okJson("{\"code\":\"101\",\"message\":\"Invalid key insprl-rejected-key\"}")));
		assertThatExceptionOfType(InsprlAuthenticationException.class)
			.isThrownBy(() -> new InsprlWhatsAppService(client, null).logout("inst-1"))
			.withMessageStartingWith("insprl rejected the credentials for whatsapp.instance.logout")
			.withMessageEndingWith("Invalid key ******");
	}

	@Test
	void rawReplyTreeIsMaskedToo() {
		insprl.stubFor(post(PATH).willReturn(okJson("{\"code\":100,\"data\":{\"echo\":[" + json(KEY) + "]}}")));
		InsprlClient client = InsprlClient.builder()
			.timeouts(Duration.ofSeconds(1), Duration.ofSeconds(5))
			.transport(transport)
			.baseUrl(insprl.baseUrl() + "/api")
			.credentials(new InsprlCredentials("client-42", KEY))
			.build();
		InsprlClient.Reply reply = client.post(InsprlWhatsAppService.LOGOUT, Map.of("instance_id", "inst-1"));
		assertThat(reply.body().at("/data/echo/0").asString()).isEqualTo("******");
		KeyRuns.assertNone(KEY, reply, reply.body());
	}

}
