package com.insprl.client;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.insprl.whatsapp.InsprlWhatsAppService;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.web.client.RestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.serviceUnavailable;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Fault suite: each network or server failure against a WireMock stub on loopback, with
 * the exception type, the attempts the stub saw and a bound on the elapsed time.
 */
class InsprlFaultToleranceTests {

	static final String PATH = "/api/whatsapp/instance/logout";

	static final String SUCCESS = InsprlClientWireTests.SUCCESS;

	static final InsprlRetrySettings FAST_RETRIES = new InsprlRetrySettings(3, Duration.ofMillis(20),
			Duration.ofMillis(1500), 2.0);

	static final InsprlOperation SEND = new InsprlOperation("whatsapp.message.send", "/whatsapp/instance/logout",
			InsprlOperation.AuthScheme.RAW_KEY, false);

	@RegisterExtension
	static WireMockExtension insprl = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
		.build();

	private final AtomicInteger events = new AtomicInteger();

	private InsprlClient client(String baseUrl, InsprlRetrySettings retry) {
		HttpClientSettings settings = HttpClientSettings.defaults()
			.withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(300));
		return InsprlClient.builder()
			.restClientBuilder(RestClient.builder().requestFactory(ClientHttpRequestFactoryBuilder.jdk().build(settings)))
			.baseUrl(baseUrl)
			.credentials(new InsprlCredentials("client-42", InsprlClientWireTests.KEY))
			.retry(retry)
			.listener((event) -> this.events.addAndGet(event.attempts()))
			.build();
	}

	private InsprlWhatsAppService service() {
		return new InsprlWhatsAppService(client(insprl.baseUrl() + "/api", FAST_RETRIES), null);
	}

	private static int requests() {
		return insprl.findAll(postRequestedFor(urlEqualTo(PATH))).size();
	}

	private <E extends InsprlException> E fails(Class<E> type, InsprlWhatsAppService service, int attempts,
			Duration within) {
		long start = System.nanoTime();
		E failure = null;
		try {
			service.logout("inst-1");
		}
		catch (InsprlException ex) {
			assertThat(ex).isInstanceOf(type);
			failure = type.cast(ex);
		}
		Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
		assertThat(failure).as("expected %s", type.getSimpleName()).isNotNull();
		assertThat(failure.getAttempts()).isEqualTo(attempts);
		assertThat(this.events.get()).as("attempts told to listeners").isEqualTo(attempts);
		assertThat(elapsed).isLessThan(within);
		return failure;
	}

	private void faultIsRetriedThreeTimes(Fault fault, InsprlConnectionException.Reason... reasons) {
		insprl.stubFor(post(PATH).willReturn(aResponse().withFault(fault)));
		InsprlConnectionException ex = fails(InsprlConnectionException.class, service(), 3, Duration.ofSeconds(5));
		assertThat(ex.getReason()).isIn((Object[]) reasons);
		assertThat(ex.isRetryable()).isTrue();
		assertThat(ex.getMessage()).endsWith("(gave up after 3 attempts)");
		assertThat(ex.getCause()).isNotNull();
		assertThat(ex.getSuppressed()).hasSize(2);
		assertThat(requests()).isEqualTo(3);
	}

	@Test
	void connectionRefusedIsRetriedThenReported() throws Exception {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			closedPort = socket.getLocalPort();
		}
		InsprlWhatsAppService service = new InsprlWhatsAppService(
				client("http://127.0.0.1:" + closedPort + "/api", FAST_RETRIES), null);
		InsprlConnectionException ex = fails(InsprlConnectionException.class, service, 3, Duration.ofSeconds(5));
		assertThat(ex.getReason()).isEqualTo(InsprlConnectionException.Reason.CONNECT_FAILED);
	}

	@Test
	void connectionResetIsRetried() {
		faultIsRetriedThreeTimes(Fault.CONNECTION_RESET_BY_PEER, InsprlConnectionException.Reason.CONNECTION_RESET);
	}

	@Test
	void emptyResponseIsRetried() {
		faultIsRetriedThreeTimes(Fault.EMPTY_RESPONSE, InsprlConnectionException.Reason.CONNECTION_RESET,
				InsprlConnectionException.Reason.IO_ERROR);
	}

	@Test
	void malformedChunkIsRetried() {
		faultIsRetriedThreeTimes(Fault.MALFORMED_RESPONSE_CHUNK, InsprlConnectionException.Reason.CONNECTION_RESET,
				InsprlConnectionException.Reason.IO_ERROR);
	}

	@Test
	void randomDataThenCloseIsRetried() {
		faultIsRetriedThreeTimes(Fault.RANDOM_DATA_THEN_CLOSE, InsprlConnectionException.Reason.CONNECTION_RESET,
				InsprlConnectionException.Reason.IO_ERROR);
	}

	@Test
	void delayPastTheReadTimeoutIsRetriedThenReported() {
		insprl.stubFor(post(PATH).willReturn(okJson(SUCCESS).withFixedDelay(2000)));
		long start = System.nanoTime();
		InsprlConnectionException ex = fails(InsprlConnectionException.class, service(), 3, Duration.ofSeconds(4));
		assertThat(ex.getReason()).isEqualTo(InsprlConnectionException.Reason.TIMEOUT);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
		assertThat(requests()).isEqualTo(3);
	}

	@Test
	void serviceUnavailableThenSuccessSucceeds() {
		insprl.stubFor(post(PATH).inScenario("flaky")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(serviceUnavailable())
			.willSetStateTo("recovered"));
		insprl.stubFor(post(PATH).inScenario("flaky").whenScenarioStateIs("recovered").willReturn(okJson(SUCCESS)));
		long start = System.nanoTime();
		assertThat(service().logout("inst-1").code()).isEqualTo(100);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
		assertThat(requests()).isEqualTo(2);
		assertThat(this.events.get()).isEqualTo(2);
	}

	@Test
	void serviceUnavailableForeverGivesUpAfterMaxAttempts() {
		insprl.stubFor(post(PATH).willReturn(serviceUnavailable().withBody("<html>Service Unavailable</html>")));
		InsprlApiException ex = fails(InsprlApiException.class, service(), 3, Duration.ofSeconds(3));
		assertThat(ex.getHttpStatus()).isEqualTo(503);
		assertThat(ex.getMessage()).contains("HTTP 503").endsWith("(gave up after 3 attempts)");
		assertThat(requests()).isEqualTo(3);
	}

	@Test
	void badGatewayAndGatewayTimeoutAreRetried() {
		for (int status : new int[] { 502, 504 }) {
			insprl.resetAll();
			this.events.set(0);
			insprl.stubFor(post(PATH).willReturn(aResponse().withStatus(status)));
			fails(InsprlApiException.class, service(), 3, Duration.ofSeconds(3));
			assertThat(requests()).isEqualTo(3);
		}
	}

	@Test
	void rateLimitWithRetryAfterIsHonouredThenSucceeds() {
		insprl.stubFor(post(PATH).inScenario("limited")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1"))
			.willSetStateTo("open"));
		insprl.stubFor(post(PATH).inScenario("limited").whenScenarioStateIs("open").willReturn(okJson(SUCCESS)));
		long start = System.nanoTime();
		assertThat(service().logout("inst-1").code()).isEqualTo(100);
		Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
		assertThat(elapsed).isGreaterThanOrEqualTo(Duration.ofMillis(1000)).isLessThan(Duration.ofSeconds(4));
		assertThat(requests()).isEqualTo(2);
	}

	@Test
	void rateLimitCode129InTheBodyIsRetried() {
		insprl.stubFor(post(PATH).willReturn(okJson("{\"code\":129,\"message\":\"DAILY_LIMIT_REACHED\"}")));
		InsprlRateLimitException ex = fails(InsprlRateLimitException.class, service(), 3, Duration.ofSeconds(3));
		assertThat(ex.getRetryAfter()).isEmpty();
		assertThat(ex.getMessage()).contains("DAILY_LIMIT_REACHED");
	}

	@Test
	void rateLimitAskingForLongerThanTheCapEndsTheCallAtOnce() {
		insprl.stubFor(post(PATH).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "60")));
		InsprlRateLimitException ex = fails(InsprlRateLimitException.class, service(), 1, Duration.ofSeconds(2));
		assertThat(ex.getRetryAfter()).contains(Duration.ofSeconds(60));
		assertThat(ex.getMessage()).contains("retry after 60s");
		assertThat(requests()).isEqualTo(1);
	}

	@Test
	void htmlPageWithStatus200IsNotRetried() {
		insprl.stubFor(post(PATH).willReturn(aResponse().withHeader("Content-Type", "text/html")
			.withBody("<html>Oops! Facing network problem. Unable to load this page.</html>")));
		fails(InsprlConnectionException.class, service(), 1, Duration.ofSeconds(2));
		assertThat(requests()).isEqualTo(1);
	}

	@Test
	void truncatedJsonIsNotRetried() {
		insprl.stubFor(post(PATH).willReturn(okJson("{\"code\":\"100\",\"mess")));
		InsprlConnectionException ex = fails(InsprlConnectionException.class, service(), 1, Duration.ofSeconds(2));
		assertThat(ex.getReason()).isEqualTo(InsprlConnectionException.Reason.MALFORMED_REPLY);
		assertThat(requests()).isEqualTo(1);
	}

	@Test
	void fiveMebibyteBodyIsRefusedWithoutReadingIt() {
		insprl.stubFor(post(PATH).willReturn(okJson("{\"code\":\"100\",\"pad\":\"" + "x".repeat(5 * 1024 * 1024) + "\"}")));
		InsprlConnectionException ex = fails(InsprlConnectionException.class, service(), 1, Duration.ofSeconds(5));
		assertThat(ex.getReason()).isEqualTo(InsprlConnectionException.Reason.REPLY_TOO_LARGE);
		assertThat(requests()).isEqualTo(1);
	}

	@Test
	void chunkedBodyWithoutLengthIsCutAtTheLimit() throws Exception {
		HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		AtomicInteger served = new AtomicInteger();
		server.createContext("/api/whatsapp/instance/logout", (exchange) -> {
			served.incrementAndGet();
			exchange.getRequestBody().readAllBytes();
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, 0);
			byte[] chunk = new byte[64 * 1024];
			java.util.Arrays.fill(chunk, (byte) ' ');
			try (OutputStream out = exchange.getResponseBody()) {
				for (int i = 0; i < 80; i++) {
					out.write(chunk);
				}
			}
			catch (java.io.IOException ex) {
				// the client stopped reading
			}
		});
		server.start();
		try {
			InsprlWhatsAppService service = new InsprlWhatsAppService(
					client("http://127.0.0.1:" + server.getAddress().getPort() + "/api", FAST_RETRIES), null);
			InsprlConnectionException ex = fails(InsprlConnectionException.class, service, 1, Duration.ofSeconds(5));
			assertThat(ex.getReason()).isEqualTo(InsprlConnectionException.Reason.REPLY_TOO_LARGE);
			assertThat(served.get()).isEqualTo(1);
		}
		finally {
			server.stop(0);
		}
	}

	@Test
	void authenticationErrorIsAttemptedExactlyOnce() {
		insprl.stubFor(post(PATH).willReturn(okJson("{\"code\":\"101\",\"message\":\"Invalid Authorization Key\"}")));
		InsprlAuthenticationException ex = fails(InsprlAuthenticationException.class, service(), 1,
				Duration.ofSeconds(2));
		assertThat(ex.getMessage()).doesNotContain("attempts");
		assertThat(requests()).isEqualTo(1);
	}

	@Test
	void validationErrorIsAttemptedExactlyOnce() {
		insprl.stubFor(post(PATH).willReturn(okJson("{\"code\":\"102\",\"message\":[\"bad\"]}")));
		fails(InsprlValidationException.class, service(), 1, Duration.ofSeconds(2));
		assertThat(requests()).isEqualTo(1);
	}

	@Test
	void oneMaxAttemptTurnsRetriesOff() {
		insprl.stubFor(post(PATH).willReturn(serviceUnavailable()));
		InsprlWhatsAppService service = new InsprlWhatsAppService(
				client(insprl.baseUrl() + "/api", InsprlRetrySettings.NONE), null);
		fails(InsprlApiException.class, service, 1, Duration.ofSeconds(2));
		assertThat(requests()).isEqualTo(1);
	}

	@Test
	void operationThatIsNotIdempotentIsNotRetriedOnceTheRequestMayHaveArrived() {
		InsprlClient client = client(insprl.baseUrl() + "/api", FAST_RETRIES);
		insprl.stubFor(post(PATH).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
		assertThatExceptionOfType(InsprlConnectionException.class)
			.isThrownBy(() -> client.post(SEND, Map.of("to", "1")))
			.satisfies((ex) -> assertThat(ex.getAttempts()).isEqualTo(1));
		assertThat(requests()).isEqualTo(1);
		insprl.resetAll();
		insprl.stubFor(post(PATH).willReturn(serviceUnavailable()));
		assertThatExceptionOfType(InsprlApiException.class).isThrownBy(() -> client.post(SEND, Map.of("to", "1")))
			.satisfies((ex) -> assertThat(ex.getAttempts()).isEqualTo(1));
		insprl.stubFor(post(PATH).willReturn(okJson(SUCCESS).withFixedDelay(2000)));
		assertThatExceptionOfType(InsprlConnectionException.class)
			.isThrownBy(() -> client.post(SEND, Map.of("to", "1")))
			.satisfies((ex) -> assertThat(ex.getAttempts()).isEqualTo(1));
		assertThat(requests()).isEqualTo(2);
	}

	@Test
	void operationThatIsNotIdempotentIsRetriedWhenTheRequestCertainlyDidNotTakeEffect() throws Exception {
		insprl.stubFor(post(PATH).inScenario("limited")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(429).withHeader("Retry-After", "0"))
			.willSetStateTo("open"));
		insprl.stubFor(post(PATH).inScenario("limited").whenScenarioStateIs("open").willReturn(okJson(SUCCESS)));
		InsprlClient client = client(insprl.baseUrl() + "/api", FAST_RETRIES);
		assertThat(client.post(SEND, Map.of("to", "1")).code()).isEqualTo(100);
		assertThat(requests()).isEqualTo(2);
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			closedPort = socket.getLocalPort();
		}
		InsprlClient refused = client("http://127.0.0.1:" + closedPort + "/api", FAST_RETRIES);
		assertThatExceptionOfType(InsprlConnectionException.class)
			.isThrownBy(() -> refused.post(SEND, Map.of("to", "1")))
			.satisfies((ex) -> assertThat(ex.getAttempts()).isEqualTo(3));
	}

	@Test
	void interruptedThreadStopsRetryingAtOnceAndKeepsItsFlag() throws Exception {
		insprl.stubFor(post(PATH).willReturn(serviceUnavailable()));
		InsprlRetrySettings slow = new InsprlRetrySettings(5, Duration.ofSeconds(10), Duration.ofSeconds(10), 1.0);
		InsprlWhatsAppService service = new InsprlWhatsAppService(client(insprl.baseUrl() + "/api", slow), null);
		CompletableFuture<Object[]> outcome = new CompletableFuture<>();
		Thread caller = new Thread(() -> {
			try {
				service.logout("inst-1");
				outcome.complete(new Object[] { null, Thread.currentThread().isInterrupted() });
			}
			catch (RuntimeException ex) {
				outcome.complete(new Object[] { ex, Thread.currentThread().isInterrupted() });
			}
		});
		caller.start();
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
		while (requests() < 1 && System.nanoTime() < deadline) {
			Thread.sleep(10);
		}
		Thread.sleep(100);
		long interruptedAt = System.nanoTime();
		caller.interrupt();
		Object[] result = outcome.get(5, TimeUnit.SECONDS);
		assertThat(Duration.ofNanos(System.nanoTime() - interruptedAt)).isLessThan(Duration.ofSeconds(2));
		assertThat(result[0]).isInstanceOf(InsprlApiException.class);
		assertThat(((InsprlApiException) result[0]).getAttempts()).isEqualTo(1);
		assertThat(result[1]).as("interrupt flag kept").isEqualTo(true);
		assertThat(requests()).isEqualTo(1);
	}

	@Test
	void backoffGrowsExponentiallyWithJitterUpToTheCap() {
		InsprlRetrySettings settings = new InsprlRetrySettings(10, Duration.ofMillis(200), Duration.ofSeconds(5), 2.0);
		assertThat(settings.backoffMillis(1, 0.0)).isEqualTo(100);
		assertThat(settings.backoffMillis(1, 0.999)).isBetween(199L, 200L);
		assertThat(settings.backoffMillis(2, 0.0)).isEqualTo(200);
		assertThat(settings.backoffMillis(3, 0.5)).isEqualTo(600);
		assertThat(settings.backoffMillis(10, 0.0)).isEqualTo(2500);
		assertThat(settings.backoffMillis(10, 0.999)).isBetween(4990L, 5000L);
	}

}
