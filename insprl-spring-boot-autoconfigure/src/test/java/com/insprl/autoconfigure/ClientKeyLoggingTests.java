package com.insprl.autoconfigure;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogManager;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.jul.LevelChangePropagator;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.insprl.client.InsprlException;
import com.insprl.testing.KeyRuns;
import com.insprl.testing.LoopbackWireMock;
import com.insprl.whatsapp.InsprlWhatsAppService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.web.client.RestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.serviceUnavailable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * With every logger at TRACE, as {@code logging.level.root=trace} sets them (JDK logging
 * follows, as Spring Boot's logging system makes it), a context start, a success, a
 * retried failure and a 101 whose reply echoes the key in a header and in its body log no
 * run of six of the key's characters, on the JDK client and Reactor Netty, whose header
 * logging is off unless turned on by system properties or their own loggers. With Apache
 * HttpClient, the JDK's {@code HttpURLConnection} and Jetty, whose header loggers are
 * shared by every client of the library, start-up warns instead, and with those loggers
 * at INFO nothing else prints the key. The starter leaves the libraries' logging as it
 * is: the application's other clients keep it.
 */
@ExtendWith(OutputCaptureExtension.class)
@Isolated("sets the root logger to DEBUG and reads all that is logged")
class ClientKeyLoggingTests {

	private static final String KEY = "sk-live-LOGCHECK-91b7";

	private static final String PATH = "/api/whatsapp/instance/logout";

	private static final String[] STUB_LOGGERS = { "WireMock", "wiremock", "com.github.tomakehurst",
			"org.eclipse.jetty.server", "org.eclipse.jetty.ee10", "org.eclipse.jetty.util", "org.eclipse.jetty.io" };

	@RegisterExtension
	static WireMockExtension insprl = LoopbackWireMock.extension();

	private final Map<String, Level> levels = new HashMap<>();

	private final LevelChangePropagator julLevels = new LevelChangePropagator();

	private final Runnable julRootRestorer = julRootRestorer();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(HttpClientAutoConfiguration.class, ImperativeHttpClientAutoConfiguration.class,
						RestClientAutoConfiguration.class, InsprlAutoConfiguration.class))
		.withPropertyValues("insprl.client-id=client-42", "insprl.client-key=" + KEY,
				"insprl.base-url=" + insprl.baseUrl() + "/api", "insprl.retry.initial-backoff=1ms",
				"insprl.retry.max-backoff=2ms");

	@BeforeEach
	void everythingAtTrace() {
		LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
		this.julLevels.setContext(context);
		this.julLevels.setResetJUL(true);
		context.addListener(this.julLevels);
		this.julLevels.start();
		SLF4JBridgeHandler.removeHandlersForRootLogger();
		SLF4JBridgeHandler.install();
		level(org.slf4j.Logger.ROOT_LOGGER_NAME, Level.TRACE);
		for (String stub : STUB_LOGGERS) {
			level(stub, Level.WARN);
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
		LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
		context.removeListener(this.julLevels);
		this.julLevels.stop();
		SLF4JBridgeHandler.uninstall();
		LogManager.getLogManager().reset();
		this.julRootRestorer.run();
	}

	/**
	 * Return what puts JDK logging's root logger back as it is now: its level and
	 * handlers, which the bridge to SLF4J and the reset after each test remove.
	 * @return the restorer
	 */
	private static Runnable julRootRestorer() {
		var root = LogManager.getLogManager().getLogger("");
		var level = root.getLevel();
		Handler[] handlers = root.getHandlers();
		return () -> {
			root.setLevel(level);
			for (Handler handler : handlers) {
				root.addHandler(handler);
			}
		};
	}

	@ParameterizedTest
	@ValueSource(strings = { "jdk", "reactor" })
	void clientKeyIsInNoLogAtTrace(String factory, CapturedOutput output) {
		this.contextRunner.withPropertyValues("spring.http.clients.imperative.factory=" + factory).run((context) -> {
			assertThat(context).hasNotFailed();
			exercise(context.getBean(InsprlWhatsAppService.class));
		});
		assertThat(output.getOut()).as("TRACE output was captured").contains("Retrying insprl call");
		assertThat(output.getAll()).doesNotContain("prints HTTP request headers");
		KeyRuns.assertNone(KEY, output.getAll());
	}

	@ParameterizedTest
	@CsvSource({ "simple, sun.net.www.protocol.http.HttpURLConnection", "jetty, org.eclipse.jetty.client",
			"jetty, org.eclipse.jetty.http", "http_components, org.apache.hc.client5.http.headers",
			"http_components, org.apache.hc.client5.http.wire" })
	void libraryWhoseHeaderLoggersAreSharedIsWarnedOfAtStartup(String factory, String headerLogger,
			CapturedOutput output) {
		this.contextRunner.withPropertyValues("spring.http.clients.imperative.factory=" + factory)
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(output.getAll()).contains("WARN")
			.contains("Logger '" + headerLogger + "' is at DEBUG and prints HTTP request headers")
			.contains("logging.level." + headerLogger + "=info");
	}

	@ParameterizedTest
	@CsvSource({ "simple, sun.net.www.protocol.http.HttpURLConnection, ''",
			"jetty, org.eclipse.jetty.client, org.eclipse.jetty.http",
			"http_components, org.apache.hc.client5.http.headers, org.apache.hc.client5.http.wire" })
	void libraryWhoseHeaderLoggersAreAtInfoLogsNoKey(String factory, String headerLogger, String otherHeaderLogger,
			CapturedOutput output) {
		level(headerLogger, Level.INFO);
		if (!otherHeaderLogger.isEmpty()) {
			level(otherHeaderLogger, Level.INFO);
		}
		this.contextRunner.withPropertyValues("spring.http.clients.imperative.factory=" + factory)
			.run((context) -> exercise(context.getBean(InsprlWhatsAppService.class)));
		assertThat(output.getOut()).as("TRACE output was captured").contains("Retrying insprl call");
		assertThat(output.getAll()).doesNotContain("prints HTTP request headers");
		KeyRuns.assertNone(KEY, output.getAll());
	}

	@Test
	void otherClientsOfTheApplicationKeepTheirHeaderLogging(CapturedOutput output) {
		this.contextRunner.withPropertyValues("spring.http.clients.imperative.factory=http_components")
			.run((context) -> {
				insprl.stubFor(get("/other").willReturn(ok("other")));
				RestClient other = context.getBean(RestClient.Builder.class).build();
				assertThat(other.get()
					.uri(insprl.baseUrl() + "/other")
					.header("X-Other-Client", "other-client-header")
					.retrieve()
					.body(String.class)).isEqualTo("other");
			});
		assertThat(output.getOut()).contains("X-Other-Client: other-client-header");
	}

	/**
	 * At DEBUG on the client's logger, one line per attempt: the operation, its
	 * parameters, the attempt, the HTTP status, the insprl code, the outcome and the
	 * time; at TRACE, the reply's text, masked. A 101 whose reply echoes the key shows it
	 * masked.
	 */
	@Test
	void eachAttemptIsOneDebugLineAndEachReplyATraceLine(CapturedOutput output) {
		this.contextRunner.withPropertyValues("spring.http.clients.imperative.factory=jdk")
			.run((context) -> exercise(context.getBean(InsprlWhatsAppService.class)));
		List<String> attempts = output.getOut()
			.lines()
			.filter((line) -> line.contains("DEBUG") && line.contains("insprl whatsapp.instance.logout"))
			.toList();
		assertThat(attempts).hasSize(4);
		assertThat(attempts.get(0))
			.contains("client_id=client-42 instance_id=inst-1: attempt 1, HTTP 200, code 100, success in ");
		assertThat(attempts.get(1))
			.contains("client_id=client-42 instance_id=inst-1: attempt 1, HTTP 503, api_error in ");
		assertThat(attempts.get(2)).contains("instance_id=inst-1: attempt 2, HTTP 200, code 100, success in ");
		assertThat(attempts.get(3)).contains("instance_id=inst-1: attempt 1, HTTP 401, code 101, authentication in ");
		assertThat(output.getOut())
			.contains("insprl whatsapp.instance.logout reply: {\"code\":101,\"message\":\"bad key ******\"}");
		KeyRuns.assertNone(KEY, output.getAll());
	}

	private static void exercise(InsprlWhatsAppService service) {
		insprl.resetAll();
		insprl.stubFor(post(PATH).willReturn(okJson("{\"code\":\"100\",\"message\":\"success\"}")));
		service.logout("inst-1");
		insprl.stubFor(post(PATH).inScenario("retry")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(serviceUnavailable())
			.willSetStateTo("answered"));
		insprl.stubFor(post(PATH).inScenario("retry")
			.whenScenarioStateIs("answered")
			.willReturn(okJson("{\"code\":\"100\",\"message\":\"success\"}")));
		service.logout("inst-1");
		insprl.stubFor(post(PATH).willReturn(aResponse().withStatus(401)
			.withHeader("Content-Type", "application/json")
			.withHeader("WWW-Authenticate", KEY)
			.withHeader("X-Echo", KEY)
			.withBody("{\"code\":101,\"message\":\"bad key " + KEY + "\"}")));
		assertThatExceptionOfType(InsprlException.class).isThrownBy(() -> service.logout("inst-1"));
	}

}
