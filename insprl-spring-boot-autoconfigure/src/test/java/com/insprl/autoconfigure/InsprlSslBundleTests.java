package com.insprl.autoconfigure;

import com.insprl.client.InsprlConnectionException;
import com.insprl.health.internal.InsprlHealthIndicator;
import com.insprl.http.InsprlHttpTransport;
import com.insprl.testing.RawHttpServer;
import com.insprl.testing.TestAccount;
import com.insprl.testing.TestCertificates;
import com.insprl.whatsapp.InsprlWhatsAppService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code insprl.ssl.bundle}: the insprl client and its health probe trust a private CA
 * through a Spring Boot SSL bundle, and no other client does.
 */
class InsprlSslBundleTests {

	private static final String SUCCESS = "{\"code\":\"100\",\"message\":\"success\",\"result\":\"ok\"}";

	private static TestCertificates certificate;

	private static RawHttpServer server;

	@BeforeAll
	static void startTlsServer() throws Exception {
		certificate = TestCertificates.selfSigned("private-ca-insprl", "ip:127.0.0.1,dns:localhost");
		server = RawHttpServer.startTls(certificate.serverContext(),
				(exchange) -> exchange.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
						+ SUCCESS.length() + "\r\nConnection: close\r\n\r\n" + SUCCESS));
	}

	@AfterAll
	static void stopTlsServer() throws Exception {
		server.close();
	}

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class, HttpClientAutoConfiguration.class,
				ImperativeHttpClientAutoConfiguration.class, RestClientAutoConfiguration.class,
				InsprlAutoConfiguration.class))
		.withPropertyValues("insprl.client-id=" + TestAccount.CLIENT_ID, "insprl.client-key=" + TestAccount.KEY,
				"insprl.base-url=" + "https://127.0.0.1:" + port() + "/api", "insprl.retry.max-attempts=1");

	private static int port() {
		return Integer.parseInt(server.baseUrl().replaceAll(".*:(\\d+)/api", "$1"));
	}

	private ApplicationContextRunner withBundle() {
		String location = certificate.keyStore().toUri().toString();
		return this.contextRunner.withPropertyValues("spring.ssl.bundle.jks.private-ca.truststore.location=" + location,
				"spring.ssl.bundle.jks.private-ca.truststore.type=PKCS12",
				"spring.ssl.bundle.jks.private-ca.truststore.password=" + TestCertificates.PASSWORD,
				"insprl.ssl.bundle=private-ca");
	}

	@Test
	void withoutTheBundleThePrivateCertificateIsAtlsFailure() {
		this.contextRunner.run((context) -> assertThatExceptionOfType(InsprlConnectionException.class)
			.isThrownBy(() -> context.getBean(InsprlWhatsAppService.class).logout("inst-1"))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(InsprlConnectionException.Reason.TLS_FAILED))
			.withMessageContaining("insprl.ssl.bundle"));
	}

	@Test
	void theBundleIsTrustedByTheInsprlClientAndItsHealthProbeOnly() {
		withBundle().run((context) -> {
			assertThat(context.getBean(InsprlWhatsAppService.class).logout("inst-1").code()).isEqualTo(100);
			assertThat(context.getBean(InsprlHealthIndicator.class).health(false).getStatus()).isEqualTo(Status.UP);
			RestClient other = context.getBean(RestClient.Builder.class).build();
			assertThatExceptionOfType(ResourceAccessException.class)
				.isThrownBy(() -> other.get().uri(server.baseUrl()).retrieve().toBodilessEntity());
		});
	}

	@Test
	void theBundleIsTrustedOnTheJdkClientToo() {
		withBundle().withPropertyValues("spring.http.clients.imperative.factory=jdk").run((context) -> {
			assertThat(context.getBean(InsprlHttpTransport.class).getLibrary()).isEqualTo("jdk");
			for (int i = 0; i < 3; i++) {
				assertThat(context.getBean(InsprlWhatsAppService.class).logout("inst-" + i).code()).isEqualTo(100);
			}
		});
	}

	@Test
	void unknownBundleFailsStartupNamingTheProperty() {
		this.contextRunner.withPropertyValues("insprl.ssl.bundle=missing").run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = FailureAnalyses.analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).contains("insprl.ssl.bundle").contains("'missing'");
		});
	}

}
