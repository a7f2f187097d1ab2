package com.insprl.whatsapp;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.insprl.client.InsprlApiException;
import com.insprl.client.InsprlCallEvent;
import com.insprl.client.InsprlCallOptions;
import com.insprl.client.InsprlClient;
import com.insprl.client.InsprlCredentials;
import com.insprl.client.InsprlException;
import com.insprl.http.InsprlHttpTransport;
import com.insprl.testing.LoopbackWireMock;
import com.insprl.testing.Transports;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.serviceUnavailable;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@link InsprlWhatsAppService#withOptions}: per-call options over the configured ones,
 * composed with {@link InsprlWhatsAppService#withCredentials} in either order, applied to
 * each logout of a bulk. Every reply is a 503, which the configured service tries four
 * times.
 */
class WithOptionsTests {

	static final String PATH = "/api/whatsapp/instance/logout";

	@RegisterExtension
	static WireMockExtension insprl = LoopbackWireMock.extension();

	private final InsprlHttpTransport transport = Transports.detect();

	private final List<InsprlCallEvent> events = new CopyOnWriteArrayList<>();

	private InsprlWhatsAppService service;

	@BeforeEach
	void start() {
		insprl.stubFor(post(PATH).willReturn(serviceUnavailable()));
		this.service = new InsprlWhatsAppService(InsprlClient.builder()
			.transport(this.transport)
			.timeouts(Duration.ofSeconds(2), Duration.ofSeconds(5))
			.baseUrl(insprl.baseUrl() + "/api")
			.credentials(new InsprlCredentials("own-client", "ok-1f2e3d4c5b6a"))
			.maxAttempts(4)
			.backoff(Duration.ofMillis(1), Duration.ofMillis(2), 2.0)
			.listener(this.events::add)
			.build(), "own-instance");
	}

	@AfterEach
	void stop() {
		this.transport.close();
	}

	private static InsprlCallOptions oneAttempt() {
		return InsprlCallOptions.builder().maxAttempts(1).build();
	}

	@Test
	void withoutOptionsTheConfiguredAttemptsApply() {
		assertThatExceptionOfType(InsprlApiException.class).isThrownBy(() -> this.service.logout("a"))
			.satisfies((ex) -> assertThat(ex.getAttempts()).isEqualTo(4));
	}

	@Test
	void theViewsCallsUseItsOptions() {
		InsprlWhatsAppService quick = this.service.withOptions(oneAttempt());
		assertThatExceptionOfType(InsprlApiException.class).isThrownBy(() -> quick.logout("a"))
			.satisfies((ex) -> assertThat(ex.getAttempts()).isEqualTo(1));
		assertThatExceptionOfType(InsprlApiException.class).isThrownBy(() -> this.service.logout("b"))
			.as("the configured service is unchanged")
			.satisfies((ex) -> assertThat(ex.getAttempts()).isEqualTo(4));
		assertThat(quick.getDefaultInstanceId()).isEqualTo("own-instance");
	}

	@Test
	void optionsAndCredentialsComposeInEitherOrder() {
		InsprlWhatsAppService first = this.service.withOptions(oneAttempt())
			.withCredentials("cust-1", "ck-1a2b3c4d5e6f");
		InsprlWhatsAppService second = this.service.withCredentials("cust-2", "ck-6f5e4d3c2b1a")
			.withOptions(oneAttempt());
		for (InsprlWhatsAppService customer : List.of(first, second)) {
			assertThatExceptionOfType(InsprlApiException.class).isThrownBy(() -> customer.logout("a"))
				.satisfies((ex) -> assertThat(ex.getAttempts()).isEqualTo(1));
		}
		insprl.verify(1, postRequestedFor(urlEqualTo(PATH)).withHeader("Authorization", equalTo("ck-1a2b3c4d5e6f")));
		insprl.verify(1, postRequestedFor(urlEqualTo(PATH)).withHeader("Authorization", equalTo("ck-6f5e4d3c2b1a")));
	}

	@Test
	void whatOptionsDoNotSetKeepsItsValueAndLaterOptionsLayerOver() {
		InsprlWhatsAppService budgeted = this.service
			.withOptions(InsprlCallOptions.builder().callTimeout(Duration.ofSeconds(30)).build());
		assertThatExceptionOfType(InsprlApiException.class).isThrownBy(() -> budgeted.logout("a"))
			.satisfies((ex) -> assertThat(ex.getAttempts()).as("the configured attempts").isEqualTo(4));
		InsprlWhatsAppService both = budgeted.withOptions(oneAttempt());
		assertThatExceptionOfType(InsprlApiException.class).isThrownBy(() -> both.logout("a"))
			.satisfies((ex) -> assertThat(ex.getAttempts()).isEqualTo(1));
	}

	@Test
	void aBulkLogoutThroughTheViewAppliesTheOptionsToEachLogout() {
		BulkLogoutResult result = this.service.withOptions(oneAttempt()).logoutAll(List.of("a", "b", "c", "d", "e"));
		assertThat(result.failed()).hasSize(5);
		assertThat(result.failed().values()).extracting(InsprlException::getAttempts).containsOnly(1);
		assertThat(this.events).hasSize(5).allSatisfy((event) -> assertThat(event.attempts()).isEqualTo(1));
		insprl.verify(5, postRequestedFor(urlEqualTo(PATH)));
	}

	@Test
	void invalidOptionsAreRefusedWhenBuilt() {
		assertThatIllegalArgumentException().isThrownBy(() -> InsprlCallOptions.builder().maxAttempts(0));
		assertThatIllegalArgumentException().isThrownBy(() -> InsprlCallOptions.builder().callTimeout(Duration.ZERO));
		assertThatIllegalArgumentException().isThrownBy(() -> InsprlCallOptions.builder().callTimeout(null));
		assertThatIllegalArgumentException().isThrownBy(() -> this.service.withOptions(null));
	}

}
