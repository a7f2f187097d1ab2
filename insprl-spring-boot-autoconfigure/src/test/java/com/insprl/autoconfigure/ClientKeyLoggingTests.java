package com.insprl.autoconfigure;

import java.util.HashMap;
import java.util.Map;

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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
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
 * With every logger at DEBUG (the stub's own, and the client library's header loggers the
 * README names, excepted), a context start, successful calls, retried failures and
 * rejected calls log nothing that contains the client key, on each client library. With a
 * header logger at DEBUG, start-up warns, naming it.
 */
@ExtendWith(OutputCaptureExtension.class)
class ClientKeyLoggingTests {

	private static final String KEY = "sk-live-LOGCHECK-91b7";

	private static final String PATH = "/api/whatsapp/instance/logout";

	private static final String[] HEADER_LOGGERS = { "org.apache.hc.client5.http.headers",
			"org.apache.hc.client5.http.wire", "sun.net.www.protocol.http.HttpURLConnection" };

	@RegisterExtension
	static WireMockExtension insprl = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
		.build();

	private final Map<String, Level> levels = new HashMap<>();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(HttpClientAutoConfiguration.class,
				ImperativeHttpClientAutoConfiguration.class, RestClientAutoConfiguration.class,
				InsprlAutoConfiguration.class))
		.withPropertyValues("insprl.client-id=client-42", "insprl.client-key=" + KEY,
				"insprl.base-url=" + insprl.baseUrl() + "/api", "insprl.retry.initial-backoff=1ms",
				"insprl.retry.max-backoff=2ms");

	@BeforeEach
	void everythingAtDebugButTheHeaderLoggers() {
		level(org.slf4j.Logger.ROOT_LOGGER_NAME, Level.DEBUG);
		for (String stub : new String[] { "WireMock", "wiremock", "com.github.tomakehurst" }) {
			level(stub, Level.WARN);
		}
		for (String headerLogger : HEADER_LOGGERS) {
			level(headerLogger, Level.INFO);
		}
	}

	private void level(String name, Level level) {
		Logger logger = (Logger) LoggerFactory.getLogger(name);
		this.levels.putIfAbsent(name, logger.getLevel());
		logger.setLevel(level);
	}

	@AfterEach
	void restoreLevels() {
		this.levels.forEach((name, level) -> ((Logger) LoggerFactory.getLogger(name)).setLevel(level));
	}

	@ParameterizedTest
	@ValueSource(strings = { "http_components", "jdk", "simple" })
	void clientKeyIsNeverLogged(String factory, CapturedOutput output) {
		this.contextRunner.withPropertyValues("spring.http.clients.imperative.factory=" + factory).run((context) -> {
			assertThat(context).hasNotFailed();
			InsprlWhatsAppService service = context.getBean(InsprlWhatsAppService.class);
			insprl.stubFor(post(PATH).willReturn(okJson("{\"code\":\"100\",\"message\":\"success\"}")));
			service.logout("inst-1");
			insprl.stubFor(post(PATH).willReturn(serviceUnavailable()));
			assertThatExceptionOfType(InsprlException.class).isThrownBy(() -> service.logout("inst-1"));
			insprl.stubFor(post(PATH).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
			assertThatExceptionOfType(InsprlException.class).isThrownBy(() -> service.logout("inst-1"));
			insprl.stubFor(post(PATH).willReturn(okJson("{\"code\":101,\"message\":\"bad key " + KEY + "\"}")));
			assertThatExceptionOfType(InsprlException.class).isThrownBy(() -> service.logout("inst-1"));
		});
		assertThat(output.getOut()).as("DEBUG output was captured").contains("Retrying insprl call");
		assertThat(output.getAll()).doesNotContain(KEY).doesNotContain("prints HTTP request headers");
	}

	@Test
	void headerLoggerAtDebugIsWarnedOfAtStartup(CapturedOutput output) {
		level("org.apache.hc.client5.http.headers", Level.DEBUG);
		this.contextRunner.run((context) -> assertThat(context).hasNotFailed());
		assertThat(output.getAll()).contains("WARN")
			.contains("Logger 'org.apache.hc.client5.http.headers' is at DEBUG and prints HTTP request headers")
			.contains("logging.level.org.apache.hc.client5.http.headers=info")
			.doesNotContain("Logger 'org.apache.hc.client5.http.wire'");
	}

}
