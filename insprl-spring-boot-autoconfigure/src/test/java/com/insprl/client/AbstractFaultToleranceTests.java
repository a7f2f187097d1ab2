package com.insprl.client;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.insprl.email.EmailMessage;
import com.insprl.email.InsprlEmailService;
import com.insprl.http.InsprlHttpTransport;
import com.insprl.http.internal.Durations;
import com.insprl.ratelimit.internal.LocalRateLimiter;
import com.insprl.testing.RawHttpServer;
import com.insprl.testing.TestAccount;
import com.insprl.testing.TestCertificates;
import com.insprl.whatsapp.InsprlWhatsAppService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.jks.JksSslStoreBundle;
import org.springframework.boot.ssl.jks.JksSslStoreDetails;

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
 * Fault suite, run once per HTTP client library (see the subclasses): each network,
 * server or protocol failure against a stub on loopback (WireMock, or
 * {@link RawHttpServer} where WireMock cannot misbehave enough), with the exception type
 * and reason, the attempts the stub saw and, where the point is that a call ends, a bound
 * on its time far below what it would take otherwise.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractFaultToleranceTests {

	static final String PATH = "/api/whatsapp/instance/logout";

	static final String SUCCESS = TestAccount.SUCCESS;

	static final String EMAIL_PATH = "/api/email/send-to-batch";

	static final String HEAD_200 = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n";

	static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(1);

	/**
	 * The read timeout of the tests that wait for one to pass.
	 */
	static final Duration READ_TIMEOUT = Duration.ofSeconds(1);

	/**
	 * The read timeout of the other tests: long enough that a stub answering on a busy
	 * machine (a TLS handshake, five mebibytes) is never taken for a silent one.
	 */
	static final Duration PATIENT_READ_TIMEOUT = Duration.ofSeconds(10);

	/**
	 * The connect timeout of the tests that do not wait for one: with the JDK client it
	 * covers the TLS handshake too, which a busy machine can take over a second to do.
	 */
	static final Duration PATIENT_CONNECT_TIMEOUT = Duration.ofSeconds(5);

	/**
	 * How long an account that reached its usage limit is paused.
	 */
	static final Duration USAGE_LIMIT_PAUSE = Duration.ofMinutes(5);

	static final RetrySettings FAST_RETRIES = new RetrySettings(3, Duration.ofMillis(20), Duration.ofMillis(1500), 2.0);

	static final InsprlClient.Operation SEND = new InsprlClient.Operation("whatsapp.message.send",
			"/whatsapp/instance/logout", InsprlClient.Operation.AuthScheme.RAW_KEY, false);

	/**
	 * The suite's own server, so that the suites of the several client libraries may run
	 * at the same time.
	 */
	private final WireMockServer insprl = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));

	private final AtomicInteger events = new AtomicInteger();

	private final List<AutoCloseable> closeables = new ArrayList<>();

	private InsprlHttpTransport transport;

	private final ClientHttpRequestFactoryBuilder<?> library;

	private final String libraryName;

	private final InsprlConnectionException.Reason malformedChunkReason;

	private final InsprlConnectionException.Reason randomDataReason;

	/**
	 * Create the suite for one client library.
	 * @param library the client library under test
	 * @param libraryName the name the transport reports for it
	 * @param malformedChunkReason what the library reports for a malformed chunk: Apache
	 * HttpClient names the protocol violation; the JDK clients report a plain I/O failure
	 * @param randomDataReason what the library reports for bytes that are no HTTP reply,
	 * then a close
	 */
	AbstractFaultToleranceTests(ClientHttpRequestFactoryBuilder<?> library, String libraryName,
			InsprlConnectionException.Reason malformedChunkReason, InsprlConnectionException.Reason randomDataReason) {
		this.library = library;
		this.libraryName = libraryName;
		this.malformedChunkReason = malformedChunkReason;
		this.randomDataReason = randomDataReason;
	}

	@BeforeAll
	void startTransport() {
		this.insprl.start();
		this.closeables.add(this.insprl::stop);
		this.transport = transport(HttpClientSettings.defaults());
	}

	@AfterAll
	void closeAll() throws Exception {
		for (AutoCloseable closeable : this.closeables) {
			closeable.close();
		}
	}

	@BeforeEach
	void resetEvents() {
		this.insprl.resetAll();
		this.events.set(0);
	}

	private InsprlHttpTransport transport(HttpClientSettings settings) {
		InsprlHttpTransport created = InsprlHttpTransport.create(this.library, settings, 50);
		this.closeables.add(created);
		assertThat(created.getLibrary()).isEqualTo(this.libraryName);
		return created;
	}

	/**
	 * Return whether the library closes a slow connection it gives up, rather than leave
	 * it to be drained in the background (as the JDK's {@code HttpURLConnection} does
	 * with a reply under its keep-alive limit).
	 * @return {@code true} if the server sees the connection closed
	 */
	boolean closesAbandonedSlowConnections() {
		return true;
	}

	/**
	 * Return whether a connection is back in the library's pool as soon as a call
	 * returns, so that the next call goes out on it (Reactor Netty releases it on its
	 * event loop, a moment later).
	 * @return {@code true} if the next call reuses the connection
	 */
	boolean reusesAConnectionAtOnce() {
		return true;
	}

	private InsprlClient client(String baseUrl, RetrySettings retry) {
		return client(this.transport, baseUrl, retry);
	}

	private InsprlClient client(InsprlHttpTransport transport, String baseUrl, RetrySettings retry) {
		return client(transport, baseUrl, retry, PATIENT_CONNECT_TIMEOUT, PATIENT_READ_TIMEOUT);
	}

	private InsprlClient client(InsprlHttpTransport transport, String baseUrl, RetrySettings retry,
			Duration connectTimeout, Duration readTimeout) {
		return InsprlClient.builder()
			.transport(transport)
			.timeouts(connectTimeout, readTimeout)
			.baseUrl(baseUrl)
			.credentials(new InsprlCredentials("client-42", TestAccount.KEY))
			.maxAttempts(retry.maxAttempts())
			.backoff(retry.initialBackoff(), retry.maxBackoff(), retry.multiplier())
			.usageLimitPause(USAGE_LIMIT_PAUSE)
			.listener((event) -> this.events.addAndGet(event.attempts()))
			.build();
	}

	private InsprlWhatsAppService service() {
		return service(this.insprl.baseUrl() + "/api", FAST_RETRIES);
	}

	private InsprlWhatsAppService service(String baseUrl, RetrySettings retry) {
		return new InsprlWhatsAppService(client(baseUrl, retry), null);
	}

	private InsprlWhatsAppService impatientService(String baseUrl, RetrySettings retry) {
		return new InsprlWhatsAppService(client(this.transport, baseUrl, retry, CONNECT_TIMEOUT, READ_TIMEOUT), null);
	}

	private RawHttpServer raw(RawHttpServer.Behaviour behaviour) throws IOException {
		RawHttpServer server = RawHttpServer.start(behaviour);
		this.closeables.add(server);
		return server;
	}

	private int requests() {
		return this.insprl.findAll(postRequestedFor(urlEqualTo(PATH))).size();
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
		assertThat(failure.getAttempts())
			.as("%s; the earlier attempts: %s", failure.getMessage(), Arrays.toString(failure.getSuppressed()))
			.isEqualTo(attempts);
		assertThat(this.events.get()).as("attempts told to listeners").isEqualTo(attempts);
		assertThat(elapsed).isLessThan(within);
		return failure;
	}

	private InsprlConnectionException failsWith(InsprlConnectionException.Reason reason, InsprlWhatsAppService service,
			int attempts, Duration within) {
		InsprlConnectionException ex = fails(InsprlConnectionException.class, service, attempts, within);
		assertThat(ex.getReason()).as(ex.getMessage()).isEqualTo(reason);
		return ex;
	}

	private void faultIsRetriedThreeTimes(Fault fault, InsprlConnectionException.Reason reason) {
		this.insprl.stubFor(post(PATH).willReturn(aResponse().withFault(fault)));
		InsprlConnectionException ex = failsWith(reason, service(), 3, Duration.ofSeconds(5));
		assertThat(ex.getMessage()).endsWith("(gave up after 3 attempts)");
		assertThat(ex.getCause()).isNotNull();
		assertThat(ex.getSuppressed()).hasSize(2);
		assertThat(requests()).isEqualTo(3);
	}

	private static boolean inBackOff(Thread caller) {
		return Arrays.stream(caller.getStackTrace())
			.anyMatch((frame) -> frame.getClassName().equals(Thread.class.getName())
					&& frame.getMethodName().equals("sleep"));
	}

	private static int closedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	@Test
	void connectionRefusedIsRetriedThenReported() throws Exception {
		InsprlWhatsAppService service = service("http://127.0.0.1:" + closedPort() + "/api", FAST_RETRIES);
		InsprlConnectionException ex = failsWith(InsprlConnectionException.Reason.CONNECT_FAILED, service, 3,
				Duration.ofSeconds(5));
		assertThat(ex.isPossiblyProcessed()).isFalse();
	}

	@Test
	void connectTimeoutIsAConnectFailure() throws Exception {
		try (ServerSocket full = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			List<Socket> queued = fillAcceptQueue(full);
			try {
				InsprlWhatsAppService service = new InsprlWhatsAppService(
						client(this.transport, "http://127.0.0.1:" + full.getLocalPort() + "/api", RetrySettings.NONE,
								CONNECT_TIMEOUT, PATIENT_READ_TIMEOUT),
						null);
				InsprlConnectionException ex = failsWith(InsprlConnectionException.Reason.CONNECT_FAILED, service, 1,
						Duration.ofSeconds(10));
				assertThat(ex.isPossiblyProcessed()).isFalse();
			}
			finally {
				for (Socket socket : queued) {
					socket.close();
				}
			}
		}
	}

	/**
	 * Fill the accept queue of a server that never accepts, until a connect no longer
	 * completes: further connects then time out.
	 */
	private static List<Socket> fillAcceptQueue(ServerSocket server) throws IOException {
		List<Socket> queued = new ArrayList<>();
		for (int i = 0; i < 32; i++) {
			Socket socket = new Socket();
			try {
				socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()), 200);
				queued.add(socket);
			}
			catch (SocketTimeoutException ex) {
				socket.close();
				return queued;
			}
		}
		throw new IllegalStateException("the accept queue never filled");
	}

	@Test
	void connectionResetIsRetried() {
		faultIsRetriedThreeTimes(Fault.CONNECTION_RESET_BY_PEER, InsprlConnectionException.Reason.CONNECTION_RESET);
	}

	@Test
	void emptyResponseIsRetried() {
		faultIsRetriedThreeTimes(Fault.EMPTY_RESPONSE, InsprlConnectionException.Reason.CONNECTION_RESET);
	}

	@Test
	void malformedChunkIsReportedAsTheLibraryNamesIt() {
		faultIsReported(Fault.MALFORMED_RESPONSE_CHUNK, this.malformedChunkReason);
	}

	@Test
	void randomDataThenCloseIsReportedAsTheLibraryNamesIt() {
		faultIsReported(Fault.RANDOM_DATA_THEN_CLOSE, this.randomDataReason);
	}

	private void faultIsReported(Fault fault, InsprlConnectionException.Reason reason) {
		this.insprl.stubFor(post(PATH).willReturn(aResponse().withFault(fault)));
		int attempts = reason.isRetryable() ? 3 : 1;
		InsprlConnectionException ex = failsWith(reason, service(), attempts, Duration.ofSeconds(5));
		assertThat(ex.isRetryable()).isEqualTo(reason.isRetryable());
		assertThat(requests()).isEqualTo(attempts);
	}

	@Test
	void delayPastTheReadTimeoutIsRetriedThenReported() {
		this.insprl.stubFor(post(PATH).willReturn(okJson(SUCCESS).withFixedDelay(3000)));
		long start = System.nanoTime();
		failsWith(InsprlConnectionException.Reason.TIMEOUT,
				impatientService(this.insprl.baseUrl() + "/api", FAST_RETRIES), 3, Duration.ofSeconds(12));
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(READ_TIMEOUT.multipliedBy(3));
		assertThat(requests()).isEqualTo(3);
	}

	@Test
	void tricklingBodyEndsAtTheDeadlineAsATimeout() throws Exception {
		RawHttpServer server = raw((exchange) -> {
			exchange.write(HEAD_200 + "Content-Length: 1000\r\n\r\n");
			exchange.trickle("{" + " ".repeat(998) + "}", Duration.ofMillis(100));
		});
		InsprlConnectionException ex = failsWith(InsprlConnectionException.Reason.TIMEOUT,
				impatientService(server.baseUrl(), RetrySettings.NONE), 1, Duration.ofSeconds(10));
		// the deadline: the connect timeout and the read timeout, or the read timeout
		// alone where it bounds the whole exchange (the JDK client, and Jetty, whose own
		// timer may come first)
		assertThat(ex.getMessage()).containsAnyOf(
				"deadline of " + Durations.format(this.transport.deadline(CONNECT_TIMEOUT, READ_TIMEOUT)),
				"Total timeout 1000 ms elapsed");
		if (closesAbandonedSlowConnections()) {
			assertThat(server.awaitClientGone(Duration.ofSeconds(10))).as("the connection was abandoned").isTrue();
		}
	}

	/**
	 * On a connection already open, a server that sends nothing for longer than the read
	 * timeout (500 ms; the connect timeout is 5 s) is given up at the read timeout, as
	 * Spring Boot's {@code spring.http.clients.read-timeout} gives it up on the same
	 * library: its answer, 4 s later, is never accepted.
	 */
	@Test
	void aServerSilentPastTheReadTimeoutOnAnOpenConnectionTimesOut() throws Exception {
		RawHttpServer server = RawHttpServer.startKeepAlive(silentOnTheSecondRequest());
		this.closeables.add(server);
		silentPastTheReadTimeout(this.transport, server);
	}

	@Test
	void aServerSilentPastTheReadTimeoutOnAnOpenTlsConnectionTimesOut() throws Exception {
		TestCertificates certificate = TestCertificates.selfSigned("insprl-test", "ip:127.0.0.1,dns:localhost");
		RawHttpServer server = RawHttpServer.startTlsKeepAlive(certificate.serverContext(), silentOnTheSecondRequest());
		this.closeables.add(server);
		silentPastTheReadTimeout(transport(HttpClientSettings.defaults().withSslBundle(trusting(certificate))), server);
	}

	private static RawHttpServer.Behaviour silentOnTheSecondRequest() {
		AtomicInteger requests = new AtomicInteger();
		return (exchange) -> {
			if (requests.incrementAndGet() == 2) {
				Thread.sleep(4000);
			}
			exchange.write(HEAD_200 + "Content-Length: " + SUCCESS.length() + "\r\n\r\n" + SUCCESS);
		};
	}

	private void silentPastTheReadTimeout(InsprlHttpTransport transport, RawHttpServer server) {
		InsprlWhatsAppService service = new InsprlWhatsAppService(client(transport, server.baseUrl(),
				RetrySettings.NONE, PATIENT_CONNECT_TIMEOUT, Duration.ofMillis(500)), null);
		assertThat(service.logout("opens-the-connection").code()).isEqualTo(100);
		this.events.set(0);
		long start = System.nanoTime();
		InsprlConnectionException ex = failsWith(InsprlConnectionException.Reason.TIMEOUT, service, 1,
				Duration.ofMillis(3500));
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(450));
		if (reusesAConnectionAtOnce()) {
			assertThat(server.connections()).as("the second request went out on the open connection").isEqualTo(1);
		}
		assertThat(ex.isPossiblyProcessed()).isTrue();
	}

	@Test
	void tricklingHeadEndsAtTheDeadlineAsATimeout() throws Exception {
		RawHttpServer server = raw((exchange) -> {
			exchange.write("HTTP/1.1 200 OK\r\n");
			exchange.trickle("X-Slow: " + "a".repeat(1000) + "\r\n\r\n", Duration.ofMillis(100));
		});
		failsWith(InsprlConnectionException.Reason.TIMEOUT, impatientService(server.baseUrl(), RetrySettings.NONE), 1,
				Duration.ofSeconds(10));
		assertThat(server.awaitClientGone(Duration.ofSeconds(10))).as("the connection was abandoned").isTrue();
	}

	@Test
	void bodyThatStopsShortOfItsLengthIsATimeout() throws Exception {
		RawHttpServer server = raw((exchange) -> {
			exchange.write(HEAD_200 + "Content-Length: 100\r\n\r\n{\"code\":");
			exchange.hold();
		});
		failsWith(InsprlConnectionException.Reason.TIMEOUT, impatientService(server.baseUrl(), RetrySettings.NONE), 1,
				Duration.ofSeconds(10));
	}

	@Test
	void declaredLengthOverTheCapFailsAtOnceAndTheConnectionIsAbandonedNotDrained() throws Exception {
		byte[] chunk = new byte[64 * 1024];
		Arrays.fill(chunk, (byte) ' ');
		RawHttpServer server = raw((exchange) -> {
			exchange.write(HEAD_200 + "Content-Length: 5000000000\r\n\r\n");
			while (true) {
				exchange.write(chunk);
			}
		});
		// Reactor Netty's connection is closed at the deadline at the latest (10 s here),
		// before the wait for the close ends
		InsprlWhatsAppService service = new InsprlWhatsAppService(
				client(this.transport, server.baseUrl(), FAST_RETRIES, PATIENT_CONNECT_TIMEOUT, Duration.ofSeconds(5)),
				null);
		failsWith(InsprlConnectionException.Reason.REPLY_TOO_LARGE, service, 1, Duration.ofSeconds(10));
		assertThat(server.awaitClientGone(Duration.ofSeconds(15))).as("the connection was closed").isTrue();
		assertThat(server.bytesWritten()).as("bytes the server got out before the client left")
			.isLessThan(64L * 1024 * 1024);
		assertThat(server.connections()).isEqualTo(1);
	}

	@Test
	void fiveMebibyteBodyIsRefusedWithoutReadingIt() {
		this.insprl.stubFor(
				post(PATH).willReturn(okJson("{\"code\":\"100\",\"pad\":\"" + "x".repeat(5 * 1024 * 1024) + "\"}")));
		failsWith(InsprlConnectionException.Reason.REPLY_TOO_LARGE, service(), 1, Duration.ofSeconds(5));
		assertThat(requests()).isEqualTo(1);
	}

	@Test
	void chunkedBodyWithoutLengthIsCutAtTheLimit() throws Exception {
		byte[] chunk = new byte[64 * 1024];
		Arrays.fill(chunk, (byte) ' ');
		RawHttpServer server = raw((exchange) -> {
			exchange.write(HEAD_200 + "Transfer-Encoding: chunked\r\n\r\n");
			for (int i = 0; i < 80; i++) {
				exchange.write(Integer.toHexString(chunk.length) + "\r\n");
				exchange.write(chunk);
				exchange.write("\r\n");
			}
			exchange.write("0\r\n\r\n");
		});
		failsWith(InsprlConnectionException.Reason.REPLY_TOO_LARGE, service(server.baseUrl(), FAST_RETRIES), 1,
				Duration.ofSeconds(10));
		assertThat(server.connections()).isEqualTo(1);
	}

	@Test
	void oversizedHeadIsAMalformedReplyNotRetried() throws Exception {
		RawHttpServer server = raw((exchange) -> exchange
			.write("HTTP/1.1 200 OK\r\nX-Big: " + "a".repeat(2 * 1024 * 1024) + "\r\nContent-Length: 2\r\n\r\n{}"));
		failsWith(InsprlConnectionException.Reason.MALFORMED_REPLY, service(server.baseUrl(), FAST_RETRIES), 1,
				Duration.ofSeconds(10));
		assertThat(server.connections()).isEqualTo(1);
	}

	@Test
	void corruptCompressionIsAMalformedReplyNotRetried() {
		this.insprl.stubFor(post(PATH).willReturn(aResponse().withHeader("Content-Type", "application/json")
			.withHeader("Content-Encoding", "gzip")
			.withBody("this is not gzip at all")));
		failsWith(InsprlConnectionException.Reason.MALFORMED_REPLY, service(), 1, Duration.ofSeconds(5));
		assertThat(requests()).isEqualTo(1);
	}

	@Test
	void untrustedCertificateIsATlsFailureNotRetried() throws Exception {
		TestCertificates certificate = TestCertificates.selfSigned("insprl-test", "ip:127.0.0.1,dns:localhost");
		RawHttpServer server = RawHttpServer.startTls(certificate.serverContext(),
				(exchange) -> exchange.write(HEAD_200 + "Content-Length: " + SUCCESS.length() + "\r\n\r\n" + SUCCESS));
		this.closeables.add(server);
		InsprlConnectionException ex = failsWith(InsprlConnectionException.Reason.TLS_FAILED,
				service(server.baseUrl(), FAST_RETRIES), 1, Duration.ofSeconds(10));
		assertThat(ex.getMessage()).contains("insprl.ssl.bundle");
		assertThat(ex.isPossiblyProcessed()).isFalse();
		assertThat(server.requests()).as("nothing was sent").isEmpty();
	}

	@Test
	void certificateTrustedThroughAnSslBundleIsUsed() throws Exception {
		TestCertificates certificate = TestCertificates.selfSigned("insprl-test", "ip:127.0.0.1,dns:localhost");
		RawHttpServer server = RawHttpServer.startTls(certificate.serverContext(),
				(exchange) -> exchange.write(HEAD_200 + "Content-Length: " + SUCCESS.length() + "\r\n\r\n" + SUCCESS));
		this.closeables.add(server);
		InsprlHttpTransport trusting = transport(HttpClientSettings.defaults().withSslBundle(trusting(certificate)));
		InsprlWhatsAppService service = new InsprlWhatsAppService(client(trusting, server.baseUrl(), FAST_RETRIES),
				null);
		assertThat(service.logout("inst-1").code()).isEqualTo(100);
		assertThat(server.requests()).singleElement().asString().contains("POST /api/whatsapp/instance/logout");
	}

	@Test
	void certificateForAnotherHostIsATlsFailureNotRetried() throws Exception {
		TestCertificates certificate = TestCertificates.selfSigned("other-host", "dns:other.example");
		RawHttpServer server = RawHttpServer.startTls(certificate.serverContext(),
				(exchange) -> exchange.write(HEAD_200 + "Content-Length: " + SUCCESS.length() + "\r\n\r\n" + SUCCESS));
		this.closeables.add(server);
		InsprlHttpTransport trusting = transport(HttpClientSettings.defaults().withSslBundle(trusting(certificate)));
		this.events.set(0);
		InsprlWhatsAppService service = new InsprlWhatsAppService(client(trusting, server.baseUrl(), FAST_RETRIES),
				null);
		failsWith(InsprlConnectionException.Reason.TLS_FAILED, service, 1, Duration.ofSeconds(10));
		assertThat(server.requests()).as("nothing was sent").isEmpty();
	}

	private static SslBundle trusting(TestCertificates certificate) {
		return SslBundle.of(new JksSslStoreBundle(null, new JksSslStoreDetails("PKCS12", null,
				certificate.keyStore().toUri().toString(), TestCertificates.PASSWORD)));
	}

	@Test
	void redirectIsReportedWithItsHostAndNotFollowed() {
		this.insprl.stubFor(post(PATH).willReturn(aResponse().withStatus(302)
			.withHeader("Location", "https://elsewhere.example/collect?key=" + TestAccount.KEY)));
		InsprlConnectionException ex = failsWith(InsprlConnectionException.Reason.REDIRECTED, service(), 1,
				Duration.ofSeconds(5));
		assertThat(ex.getMessage()).contains("redirected")
			.contains("'elsewhere.example'")
			.contains("not followed")
			.contains("insprl.base-url")
			.doesNotContain(TestAccount.KEY);
		assertThat(requests()).isEqualTo(1);
	}

	@Test
	void serviceUnavailableThenSuccessSucceeds() {
		this.insprl.stubFor(post(PATH).inScenario("flaky")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(serviceUnavailable())
			.willSetStateTo("recovered"));
		this.insprl
			.stubFor(post(PATH).inScenario("flaky").whenScenarioStateIs("recovered").willReturn(okJson(SUCCESS)));
		assertThat(service().logout("inst-1").code()).isEqualTo(100);
		assertThat(requests()).isEqualTo(2);
		assertThat(this.events.get()).isEqualTo(2);
	}

	@Test
	void serviceUnavailableForeverGivesUpAfterMaxAttempts() {
		this.insprl.stubFor(post(PATH).willReturn(serviceUnavailable().withBody("<html>Service Unavailable</html>")));
		InsprlApiException ex = fails(InsprlApiException.class, service(), 3, Duration.ofSeconds(5));
		assertThat(ex.getHttpStatus()).isEqualTo(503);
		assertThat(ex.getMessage()).contains("HTTP 503").endsWith("(gave up after 3 attempts)");
		assertThat(requests()).isEqualTo(3);
	}

	@Test
	void badGatewayAndGatewayTimeoutAreRetried() {
		for (int status : new int[] { 502, 504 }) {
			this.insprl.resetAll();
			this.events.set(0);
			this.insprl.stubFor(post(PATH).willReturn(aResponse().withStatus(status)));
			fails(InsprlApiException.class, service(), 3, Duration.ofSeconds(5));
			assertThat(requests()).isEqualTo(3);
		}
	}

	private InsprlClient budgeted(String baseUrl, Duration readTimeout, RetrySettings retry) {
		return InsprlClient.builder()
			.transport(this.transport)
			.timeouts(PATIENT_CONNECT_TIMEOUT, readTimeout)
			.baseUrl(baseUrl)
			.credentials(new InsprlCredentials("client-42", TestAccount.KEY))
			.maxAttempts(retry.maxAttempts())
			.backoff(retry.initialBackoff(), retry.maxBackoff(), retry.multiplier())
			.callTimeout(Duration.ofSeconds(4))
			.listener((event) -> this.events.addAndGet(event.attempts()))
			.build();
	}

	/**
	 * A server that accepts the connection and never answers, each attempt allowed 31 s
	 * and three attempts: the 4 s call timeout caps the first attempt, which ends the
	 * call. Loose bound: 4 s and a margin a busy machine cannot reach, far below the 31 s
	 * the attempt would otherwise take.
	 */
	@Test
	void aCallTimeoutCapsAnAttemptToASilentServer() throws Exception {
		RawHttpServer silent = raw(RawHttpServer.Exchange::hold);
		InsprlWhatsAppService service = new InsprlWhatsAppService(
				budgeted(silent.baseUrl(), Duration.ofSeconds(30), FAST_RETRIES), null);
		long start = System.nanoTime();
		InsprlConnectionException ex = failsWith(InsprlConnectionException.Reason.TIMEOUT, service, 1,
				Duration.ofMillis(5500));
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(3950));
		assertThat(ex.isCallTimeoutSpent()).isTrue();
		assertThat(ex.getMessage()).endsWith("(call timeout 4s spent after 1 attempt)");
		assertThat(silent.requests()).hasSize(1);
		assertThat(Thread.currentThread().isInterrupted()).as("the caller's interrupt flag").isFalse();
	}

	/**
	 * Each attempt is answered 503 after 200 ms, and the back-off before a retry is at
	 * least 5 s: after the first attempt the call has about 3.8 s left, so no retry
	 * starts, and the call ends at once with the 503, well before the call timeout.
	 */
	@Test
	void aRetryThatCannotStartWithinTheCallTimeoutIsNotStarted() {
		this.insprl.stubFor(post(PATH).willReturn(serviceUnavailable().withFixedDelay(200)));
		InsprlWhatsAppService service = new InsprlWhatsAppService(budgeted(this.insprl.baseUrl() + "/api",
				Duration.ofSeconds(5), new RetrySettings(3, Duration.ofSeconds(10), Duration.ofSeconds(10), 2.0)),
				null);
		InsprlApiException ex = fails(InsprlApiException.class, service, 1, Duration.ofMillis(3900));
		assertThat(ex.getHttpStatus()).isEqualTo(503);
		assertThat(ex.getMessage()).endsWith("(call timeout 4s spent after 1 attempt)");
		assertThat(requests()).isEqualTo(1);
	}

	@Test
	void aRetryAfterLongerThanTheCallHasLeftEndsTheCallAtOnce() {
		this.insprl.stubFor(post(PATH).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "5")));
		InsprlWhatsAppService service = new InsprlWhatsAppService(budgeted(this.insprl.baseUrl() + "/api",
				PATIENT_READ_TIMEOUT, new RetrySettings(3, Duration.ofMillis(20), Duration.ofSeconds(10), 2.0)), null);
		InsprlRateLimitException ex = fails(InsprlRateLimitException.class, service, 1, Duration.ofMillis(3900));
		assertThat(ex.getRetryAfter()).contains(Duration.ofSeconds(5));
		assertThat(ex.isRefusedByClient()).isFalse();
		assertThat(ex.getMessage()).endsWith("(call timeout 4s spent after 1 attempt)");
		assertThat(requests()).isEqualTo(1);
	}

	@Test
	void aRateLimitWaitLongerThanTheCallHasLeftEndsTheCallAtOnceUnsent() throws Exception {
		this.insprl.stubFor(post(PATH).willReturn(okJson(SUCCESS)));
		LocalRateLimiter limiter = new LocalRateLimiter(0.1, 1);
		assertThat(limiter.acquire("client-42", Duration.ZERO)).as("the account's only permit, taken").isZero();
		InsprlClient client = InsprlClient.builder()
			.transport(this.transport)
			.timeouts(PATIENT_CONNECT_TIMEOUT, PATIENT_READ_TIMEOUT)
			.baseUrl(this.insprl.baseUrl() + "/api")
			.credentials(new InsprlCredentials("client-42", TestAccount.KEY))
			.maxAttempts(FAST_RETRIES.maxAttempts())
			.backoff(FAST_RETRIES.initialBackoff(), FAST_RETRIES.maxBackoff(), FAST_RETRIES.multiplier())
			.rateLimiter(limiter, Duration.ofSeconds(30))
			.callTimeout(Duration.ofSeconds(4))
			.listener((event) -> this.events.addAndGet(event.attempts()))
			.build();
		InsprlWhatsAppService service = new InsprlWhatsAppService(client, null);
		InsprlRateLimitException ex = fails(InsprlRateLimitException.class, service, 0, Duration.ofMillis(3900));
		assertThat(ex.isRefusedByClient()).isTrue();
		assertThat(ex.getRetryAfter())
			.hasValueSatisfying((wait) -> assertThat(wait).isGreaterThan(Duration.ofSeconds(4)));
		assertThat(ex.getMessage()).contains("longer than the call has left")
			.endsWith("(call timeout 4s spent after 0 attempts)");
		assertThat(requests()).isZero();
	}

	@Test
	void rateLimitWithRetryAfterIsHonouredThenSucceeds() {
		this.insprl.stubFor(post(PATH).inScenario("limited")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1"))
			.willSetStateTo("open"));
		this.insprl.stubFor(post(PATH).inScenario("limited").whenScenarioStateIs("open").willReturn(okJson(SUCCESS)));
		long start = System.nanoTime();
		assertThat(service().logout("inst-1").code()).isEqualTo(100);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(1000));
		assertThat(requests()).isEqualTo(2);
	}

	@Test
	void retryAfterOfZeroStillWaitsTheBackoff() {
		this.insprl.stubFor(post(PATH).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "0")));
		RetrySettings retry = new RetrySettings(3, Duration.ofMillis(200), Duration.ofSeconds(2), 2.0);
		long start = System.nanoTime();
		fails(InsprlRateLimitException.class, service(this.insprl.baseUrl() + "/api", retry), 3,
				Duration.ofSeconds(10));
		assertThat(Duration.ofNanos(System.nanoTime() - start)).as("at least half of 200 ms, then of 400 ms")
			.isGreaterThanOrEqualTo(Duration.ofMillis(300));
		assertThat(requests()).isEqualTo(3);
	}

	@Test
	void usageLimitCode129WithoutRetryAfterIsNotRetriedAndPausesTheAccount() {
		this.insprl.stubFor(post(PATH).willReturn(aResponse().withStatus(429)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"code\":129,\"message\":\"DAILY_LIMIT_REACHED\"}")));
		InsprlWhatsAppService service = service();
		InsprlRateLimitException ex = fails(InsprlRateLimitException.class, service, 1, Duration.ofSeconds(5));
		assertThat(ex.isUsageLimit()).isTrue();
		assertThat(ex.isRetryable()).isFalse();
		assertThat(ex.isRefusedByClient()).isFalse();
		assertThat(ex.getRetryAfter()).isEmpty();
		assertThat(ex.getMessage()).contains("DAILY_LIMIT_REACHED");
		this.events.set(0);
		InsprlRateLimitException paused = fails(InsprlRateLimitException.class, service, 0, Duration.ofSeconds(3));
		assertThat(paused.isRefusedByClient()).isTrue();
		assertThat(paused.isUsageLimit()).isFalse();
		assertThat(paused.getRetryAfter()).hasValueSatisfying(
				(rest) -> assertThat(rest).isGreaterThan(Duration.ofMinutes(4)).isLessThanOrEqualTo(USAGE_LIMIT_PAUSE));
		assertThat(requests()).as("the paused call was not sent").isEqualTo(1);
	}

	@Test
	void code129WithHttp200IsAUsageLimitToo() {
		this.insprl.stubFor(post(PATH).willReturn(okJson("{\"code\":129,\"message\":\"MONTHLY_LIMIT_REACHED\"}")));
		InsprlRateLimitException ex = fails(InsprlRateLimitException.class, service(), 1, Duration.ofSeconds(5));
		assertThat(ex.isUsageLimit()).isTrue();
	}

	@Test
	void http429WithoutCode129IsAThrottleAndRetried() {
		this.insprl.stubFor(post(PATH).willReturn(aResponse().withStatus(429).withBody("Too Many Requests")));
		InsprlRateLimitException ex = fails(InsprlRateLimitException.class, service(), 3, Duration.ofSeconds(5));
		assertThat(ex.isUsageLimit()).isFalse();
		assertThat(ex.isRetryable()).isTrue();
	}

	@Test
	void code129WithRetryAfterIsAThrottleAndRetriedAfterIt() {
		this.insprl.stubFor(post(PATH).inScenario("limited")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(429)
				.withHeader("Retry-After", "0")
				.withBody("{\"code\":129,\"message\":\"DAILY_LIMIT_REACHED\"}"))
			.willSetStateTo("open"));
		this.insprl.stubFor(post(PATH).inScenario("limited").whenScenarioStateIs("open").willReturn(okJson(SUCCESS)));
		assertThat(service().logout("inst-1").code()).isEqualTo(100);
		assertThat(requests()).isEqualTo(2);
	}

	@Test
	void rateLimitAskingForLongerThanTheCapEndsTheCallAtOnce() {
		this.insprl.stubFor(post(PATH).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "60")));
		InsprlRateLimitException ex = fails(InsprlRateLimitException.class, service(), 1, Duration.ofSeconds(5));
		assertThat(ex.getRetryAfter()).contains(Duration.ofSeconds(60));
		assertThat(ex.getMessage()).contains("retry after 60s");
		assertThat(requests()).isEqualTo(1);
	}

	@Test
	void htmlPageWithStatus200IsNotRetried() {
		this.insprl.stubFor(post(PATH).willReturn(aResponse().withHeader("Content-Type", "text/html")
			.withBody("<html>Oops! Facing network problem. Unable to load this page.</html>")));
		failsWith(InsprlConnectionException.Reason.MALFORMED_REPLY, service(), 1, Duration.ofSeconds(5));
		assertThat(requests()).isEqualTo(1);
	}

	@Test
	void truncatedJsonIsNotRetried() {
		this.insprl.stubFor(post(PATH).willReturn(okJson("{\"code\":\"100\",\"mess")));
		failsWith(InsprlConnectionException.Reason.MALFORMED_REPLY, service(), 1, Duration.ofSeconds(5));
		assertThat(requests()).isEqualTo(1);
	}

	@Test
	void authenticationErrorIsAttemptedExactlyOnce() {
		this.insprl
			.stubFor(post(PATH).willReturn(okJson("{\"code\":\"101\",\"message\":\"Invalid Authorization Key\"}")));
		InsprlAuthenticationException ex = fails(InsprlAuthenticationException.class, service(), 1,
				Duration.ofSeconds(5));
		assertThat(ex.getMessage()).doesNotContain("attempts");
		assertThat(requests()).isEqualTo(1);
	}

	@Test
	void validationErrorIsAttemptedExactlyOnce() {
		this.insprl.stubFor(post(PATH).willReturn(okJson("{\"code\":\"102\",\"message\":[\"bad\"]}")));
		fails(InsprlValidationException.class, service(), 1, Duration.ofSeconds(5));
		assertThat(requests()).isEqualTo(1);
	}

	@Test
	void oneMaxAttemptTurnsRetriesOff() {
		this.insprl.stubFor(post(PATH).willReturn(serviceUnavailable()));
		fails(InsprlApiException.class, service(this.insprl.baseUrl() + "/api", RetrySettings.NONE), 1,
				Duration.ofSeconds(5));
		assertThat(requests()).isEqualTo(1);
	}

	@Test
	void operationThatIsNotIdempotentIsNotRetriedOnceTheRequestMayHaveArrived() {
		InsprlClient client = client(this.transport, this.insprl.baseUrl() + "/api", FAST_RETRIES, CONNECT_TIMEOUT,
				READ_TIMEOUT);
		this.insprl.stubFor(post(PATH).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
		assertThatExceptionOfType(InsprlConnectionException.class)
			.isThrownBy(() -> client.post(SEND, Map.of("to", "1")))
			.satisfies((ex) -> assertThat(ex.getAttempts()).isEqualTo(1));
		assertThat(requests()).isEqualTo(1);
		this.insprl.resetAll();
		this.insprl.stubFor(post(PATH).willReturn(serviceUnavailable()));
		assertThatExceptionOfType(InsprlApiException.class).isThrownBy(() -> client.post(SEND, Map.of("to", "1")))
			.satisfies((ex) -> assertThat(ex.getAttempts()).isEqualTo(1));
		this.insprl.stubFor(post(PATH).willReturn(okJson(SUCCESS).withFixedDelay(3000)));
		assertThatExceptionOfType(InsprlConnectionException.class)
			.isThrownBy(() -> client.post(SEND, Map.of("to", "1")))
			.satisfies((ex) -> assertThat(ex.getAttempts()).isEqualTo(1));
		assertThat(requests()).isEqualTo(2);
	}

	@Test
	void operationThatIsNotIdempotentIsRetriedOnlyWhenTheRequestCertainlyNeverReachedInsprl() throws Exception {
		this.insprl.stubFor(post(PATH).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "0")));
		InsprlClient client = client(this.insprl.baseUrl() + "/api", FAST_RETRIES);
		assertThatExceptionOfType(InsprlRateLimitException.class).isThrownBy(() -> client.post(SEND, Map.of("to", "1")))
			.satisfies((ex) -> assertThat(ex.getAttempts()).as("insprl's 429 reached insprl: not sent again")
				.isEqualTo(1));
		assertThat(requests()).isEqualTo(1);
		InsprlClient refused = client("http://127.0.0.1:" + closedPort() + "/api", FAST_RETRIES);
		assertThatExceptionOfType(InsprlConnectionException.class)
			.isThrownBy(() -> refused.post(SEND, Map.of("to", "1")))
			.satisfies((ex) -> assertThat(ex.getAttempts()).isEqualTo(3));
	}

	/**
	 * A mail is sent at most once, whatever the server does once the request may have
	 * reached it: it accepts the request and drops the connection, trickles its reply
	 * past the deadline, answers 503, or answers 429 with {@code Retry-After: 0}. The
	 * server receives one request each time, and the caller learns whether the mail may
	 * have been sent. A refused connection, which certainly sent nothing, is retried.
	 */
	@Test
	void aMailIsSentAtMostOnceWhateverTheServerDoes() throws Exception {
		EmailMessage mail = EmailMessage.of(EmailMessage.Type.TXN, "Receipt", "Thanks").withSender("shop@example.com");
		List<String> to = List.of("ada@example.com");
		RawHttpServer dropping = raw(RawHttpServer.Exchange::closeConnection);
		assertThatExceptionOfType(InsprlConnectionException.class)
			.isThrownBy(() -> emails(dropping.baseUrl()).send(mail, to))
			.satisfies((ex) -> assertThat(ex.isPossiblyProcessed()).as("may have been sent").isTrue());
		assertThat(dropping.requests()).as("requests the dropping server received").hasSize(1);
		RawHttpServer trickling = raw((exchange) -> {
			exchange.write(HEAD_200 + "Content-Length: 300\r\n\r\n");
			exchange.trickle("x".repeat(300), Duration.ofMillis(100));
		});
		assertThatExceptionOfType(InsprlConnectionException.class)
			.isThrownBy(() -> emails(trickling.baseUrl()).send(mail, to))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(InsprlConnectionException.Reason.TIMEOUT))
			.satisfies((ex) -> assertThat(ex.isPossiblyProcessed()).isTrue());
		assertThat(trickling.requests()).as("requests the trickling server received").hasSize(1);
		this.insprl.stubFor(post(EMAIL_PATH).willReturn(serviceUnavailable()));
		assertThatExceptionOfType(InsprlApiException.class)
			.isThrownBy(() -> emails(this.insprl.baseUrl() + "/api").send(mail, to))
			.satisfies((ex) -> assertThat(ex.isPossiblyProcessed()).isTrue());
		assertThat(this.insprl.findAll(postRequestedFor(urlEqualTo(EMAIL_PATH)))).as("after a 503").hasSize(1);
		this.insprl.resetAll();
		this.insprl.stubFor(post(EMAIL_PATH).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "0")));
		assertThatExceptionOfType(InsprlRateLimitException.class)
			.isThrownBy(() -> emails(this.insprl.baseUrl() + "/api").send(mail, to));
		assertThat(this.insprl.findAll(postRequestedFor(urlEqualTo(EMAIL_PATH)))).as("after a 429").hasSize(1);
		assertThatExceptionOfType(InsprlConnectionException.class)
			.isThrownBy(() -> emails("http://127.0.0.1:" + closedPort() + "/api").send(mail, to))
			.satisfies((ex) -> assertThat(ex.isPossiblyProcessed()).isFalse())
			.satisfies((ex) -> assertThat(ex.getAttempts()).as("refused, so retried").isEqualTo(3));
	}

	private InsprlEmailService emails(String baseUrl) {
		return new InsprlEmailService(client(this.transport, baseUrl, FAST_RETRIES, CONNECT_TIMEOUT, READ_TIMEOUT),
				null);
	}

	/**
	 * The application interrupts its calling thread at a random moment of a call, until
	 * 500 calls have been interrupted while they ran (before, during and after the
	 * exchange: each call is timed in a warm-up, and the interrupt falls anywhere in
	 * twice that time). Each interrupt is seen by the caller: the call ends
	 * {@code INTERRUPTED}, or the thread's interrupt flag is still set when the call
	 * returns (a library whose socket reads do not answer an interrupt finishes the
	 * exchange first). Nothing of the transport interrupts a thread: a call that was not
	 * interrupted never ends with the flag set.
	 */
	@Test
	void anInterruptAtAnyMomentOfACallIsSeenByTheCaller() throws Exception {
		// a path of its own: an abandoned request may reach the server after the test,
		// and is not counted by the next
		this.insprl.stubFor(post(urlEqualTo("/interrupted" + PATH)).willReturn(okJson(SUCCESS)));
		InsprlWhatsAppService service = service(this.insprl.baseUrl() + "/interrupted/api", FAST_RETRIES);
		try (InterruptedCalls calls = new InterruptedCalls(service)) {
			calls.medianNanos(200);
			long spread = 2 * calls.medianNanos(200);
			SplittableRandom random = new SplittableRandom(42);
			int interrupted = 0;
			int made = 0;
			while (interrupted < 500 && made < 20_000) {
				InterruptedCalls.Outcome outcome = calls.interruptAfter(random.nextLong(spread + 1));
				made++;
				if (outcome.interrupted()) {
					interrupted++;
					assertThat(outcome.endedInterrupted() || outcome.flagSet())
						.as("call %d, interrupted during the call, ended with %s and the flag cleared; "
								+ "interrupted at %s", made, outcome.result(),
								Arrays.toString(outcome.where()).replace(", ", "\n  "))
						.isTrue();
				}
				else {
					assertThat(outcome.flagSet()).as("call %d was not interrupted", made).isFalse();
				}
			}
			assertThat(interrupted).as("calls interrupted while they ran, of %d", made).isEqualTo(500);
		}
	}

	@Test
	void interruptedThreadStopsRetryingAtOnceAndKeepsItsFlag() throws Exception {
		this.insprl.stubFor(post(PATH).willReturn(serviceUnavailable()));
		RetrySettings slow = new RetrySettings(5, Duration.ofSeconds(10), Duration.ofSeconds(10), 1.0);
		InsprlWhatsAppService service = service(this.insprl.baseUrl() + "/api", slow);
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
		// interrupted once in the back-off after the first 503, however long that took
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (!inBackOff(caller) && System.nanoTime() < deadline) {
			Thread.sleep(10);
		}
		assertThat(inBackOff(caller)).as("the caller waits to retry").isTrue();
		caller.interrupt();
		Object[] result = outcome.get(5, TimeUnit.SECONDS);
		assertThat(result[0]).isInstanceOf(InsprlApiException.class);
		assertThat(((InsprlApiException) result[0]).getAttempts()).isEqualTo(1);
		assertThat(result[1]).as("interrupt flag kept").isEqualTo(true);
		assertThat(requests()).isEqualTo(1);
	}

}
