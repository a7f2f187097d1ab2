package com.insprl.whatsapp;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.insprl.client.InsprlAuthenticationException;
import com.insprl.client.InsprlCallEvent;
import com.insprl.client.InsprlClient;
import com.insprl.client.InsprlCredentials;
import com.insprl.http.InsprlHttpTransport;
import com.insprl.testing.KeyRuns;
import com.insprl.testing.LoopbackWireMock;
import com.insprl.testing.Transports;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

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
 * {@link InsprlWhatsAppService#withCredentials}: another account's calls, on what the
 * configured service shares.
 */
class WithCredentialsTests {

	static final String PATH = "/api/whatsapp/instance/logout";

	static final String CUSTOMER_KEY = "ck-9b2e7d4f1a6c";

	@RegisterExtension
	static WireMockExtension insprl = LoopbackWireMock.extension();

	private final InsprlHttpTransport transport = Transports.detect();

	private final List<InsprlCallEvent> events = new CopyOnWriteArrayList<>();

	@AfterEach
	void stop() {
		this.transport.close();
	}

	private InsprlWhatsAppService service(boolean withDefaultAccount) {
		var builder = InsprlClient.builder()
			.transport(this.transport)
			.timeouts(Duration.ofSeconds(2), Duration.ofSeconds(5))
			.baseUrl(insprl.baseUrl() + "/api")
			.maxAttempts(1)
			.listener(this.events::add);
		if (withDefaultAccount) {
			builder.credentials(new InsprlCredentials("own-client", "ok-1f2e3d4c5b6a"));
		}
		else {
			builder.noDefaultAccount();
		}
		return new InsprlWhatsAppService(builder.build(), "own-instance");
	}

	@Test
	void anotherAccountsCallCarriesItsCredentialsOnTheSharedClient() {
		insprl.stubFor(post(PATH).willReturn(okJson("{\"code\":\"100\",\"message\":\"success\"}")));
		InsprlWhatsAppService own = service(true);
		InsprlWhatsAppService customer = own.withCredentials("customer-7", CUSTOMER_KEY);
		customer.logout("customer-phone");
		own.logout("own-phone");
		insprl.verify(postRequestedFor(urlEqualTo(PATH)).withHeader("Authorization", equalTo(CUSTOMER_KEY))
			.withRequestBody(equalTo("client_id=customer-7&instance_id=customer-phone")));
		insprl.verify(postRequestedFor(urlEqualTo(PATH)).withHeader("Authorization", equalTo("ok-1f2e3d4c5b6a"))
			.withRequestBody(equalTo("client_id=own-client&instance_id=own-phone")));
		assertThat(this.events).extracting(InsprlCallEvent::clientId).containsExactly("customer-7", "own-client");
		assertThat(customer.getDefaultInstanceId()).as("another account has no default instance").isNull();
	}

	@Test
	void anotherAccountsEchoedKeyIsMaskedToo() {
		insprl.stubFor(post(PATH)
			.willReturn(okJson("{\"code\":\"101\",\"message\":\"Invalid Authorization Key " + CUSTOMER_KEY + "\"}")));
		assertThatExceptionOfType(InsprlAuthenticationException.class)
			.isThrownBy(() -> service(true).withCredentials("customer-7", CUSTOMER_KEY).logout("customer-phone"))
			.satisfies((ex) -> KeyRuns.assertNone(CUSTOMER_KEY, ex.getMessage(), ex.getApiMessages()));
	}

	@Test
	void unusableCredentialsAreRefusedWithoutShowingTheKey() {
		InsprlWhatsAppService own = service(true);
		assertThatIllegalArgumentException().isThrownBy(() -> own.withCredentials("customer-7", "secret-\u00e9-key"))
			.withMessageContaining("visible ASCII")
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain("secret"));
		assertThatIllegalArgumentException().isThrownBy(() -> own.withCredentials(" ", CUSTOMER_KEY))
			.withMessageContaining("clientId");
		assertThatIllegalArgumentException().isThrownBy(() -> own.withCredentials("customer-7", "${CUSTOMER_KEY}"))
			.withMessageContaining("placeholder");
		assertThat(insprl.getAllServeEvents()).isEmpty();
	}

	@Test
	void withoutADefaultAccountOnlyCallsThatNameOneAreSent() {
		insprl.stubFor(post(PATH).willReturn(okJson("{\"code\":\"100\",\"message\":\"success\"}")));
		InsprlWhatsAppService noDefault = service(false);
		assertThatIllegalStateException().isThrownBy(() -> noDefault.logout("x"))
			.withMessageContaining("withCredentials");
		assertThatIllegalStateException().isThrownBy(() -> noDefault.logoutAll(List.of("x")))
			.withMessageContaining("withCredentials");
		assertThatIllegalStateException().as("even with no id to log out")
			.isThrownBy(() -> noDefault.logoutAll(List.of()))
			.withMessageContaining("withCredentials");
		assertThat(insprl.getAllServeEvents()).isEmpty();
		assertThat(noDefault.withCredentials("customer-7", CUSTOMER_KEY).logout("x").code()).isEqualTo(100);
	}

}
