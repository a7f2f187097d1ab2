package com.insprl.autoconfigure;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.insprl.client.InsprlException;
import com.insprl.whatsapp.InsprlWhatsAppService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.serviceUnavailable;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * With every logger at DEBUG (the stub's own excepted), a context start, successful
 * calls, retried failures and rejected calls log nothing that contains the client key.
 */
@ExtendWith(OutputCaptureExtension.class)
class ClientKeyLoggingTests {

	private static final String KEY = "sk-live-LOGCHECK-91b7";

	private static final String PATH = "/api/whatsapp/instance/logout";

	@RegisterExtension
	static WireMockExtension insprl = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
		.build();

	private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

	private Level rootLevel;

	@BeforeEach
	void everythingAtDebug() {
		this.rootLevel = this.root.getLevel();
		this.root.setLevel(Level.DEBUG);
		for (String stub : new String[] { "WireMock", "wiremock", "com.github.tomakehurst" }) {
			((Logger) LoggerFactory.getLogger(stub)).setLevel(Level.WARN);
		}
	}

	@AfterEach
	void restoreLevel() {
		this.root.setLevel(this.rootLevel);
	}

	@Test
	void clientKeyIsNeverLogged(CapturedOutput output) {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(HttpClientAutoConfiguration.class,
					ImperativeHttpClientAutoConfiguration.class, RestClientAutoConfiguration.class,
					InsprlAutoConfiguration.class))
			.withPropertyValues("insprl.client-id=client-42", "insprl.client-key=" + KEY,
					"insprl.base-url=" + insprl.baseUrl() + "/api", "insprl.retry.initial-backoff=1ms",
					"insprl.retry.max-backoff=2ms")
			.run((context) -> {
				InsprlWhatsAppService service = context.getBean(InsprlWhatsAppService.class);
				insprl.stubFor(post(PATH).willReturn(okJson("{\"code\":\"100\",\"message\":\"success\"}")));
				service.logout("inst-1");
				insprl.stubFor(post(PATH).willReturn(serviceUnavailable()));
				assertThatExceptionOfType(InsprlException.class).isThrownBy(() -> service.logout("inst-1"));
				insprl.stubFor(post(PATH).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
				assertThatExceptionOfType(InsprlException.class).isThrownBy(() -> service.logout("inst-1"));
				insprl.stubFor(post(PATH).willReturn(okJson("{\"code\":101,\"message\":\"bad key " + KEY + "\"}")));
				assertThatExceptionOfType(InsprlException.class).isThrownBy(() -> service.logout("inst-1"))
					.satisfies((ex) -> context.getBean(InsprlProperties.class).toString());
			});
		assertThat(output.getOut()).as("DEBUG output was captured").contains("Retrying insprl call");
		assertThat(output.getAll()).doesNotContain(KEY);
	}

}
