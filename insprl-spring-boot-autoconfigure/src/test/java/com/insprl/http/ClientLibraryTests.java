package com.insprl.http;

import java.net.URI;
import java.time.Duration;

import com.insprl.testing.RawHttpServer;
import org.junit.jupiter.api.Test;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.SimpleClientHttpRequestFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ClientLibrary}.
 */
class ClientLibraryTests {

	@Test
	void eachBuilderIsRecognised() {
		assertThat(ClientLibrary.of(ClientHttpRequestFactoryBuilder.httpComponents(), null).name())
			.isEqualTo("http-components");
		assertThat(ClientLibrary.of(ClientHttpRequestFactoryBuilder.jdk(), null).name()).isEqualTo("jdk");
		assertThat(ClientLibrary.of(ClientHttpRequestFactoryBuilder.simple(), null).name()).isEqualTo("simple");
		assertThat(ClientLibrary.of(ClientHttpRequestFactoryBuilder.jetty(), null).name()).isEqualTo("jetty");
		assertThat(ClientLibrary.of(ClientHttpRequestFactoryBuilder.reactor(), null).name()).isEqualTo("reactor");
		assertThat(
				ClientLibrary.of(ClientHttpRequestFactoryBuilder.of(SimpleClientHttpRequestFactory::new), null).name())
			.isNotEqualTo("simple");
	}

	/**
	 * {@code HttpURLConnection} follows a redirect by default, and Spring lets it for a
	 * {@code GET}: the {@code simple} library follows none, whatever the method.
	 */
	@Test
	void theSimpleLibraryFollowsNoRedirectEvenForAGet() throws Exception {
		try (RawHttpServer server = RawHttpServer.start((exchange) -> exchange
			.write("HTTP/1.1 302 Found\r\nLocation: /elsewhere\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"))) {
			ClientHttpRequestFactory factory = new ClientLibrary.Simple().build(HttpClientSettings.defaults(),
					Duration.ofSeconds(5), 1);
			try (ClientHttpResponse response = factory
				.createRequest(URI.create(server.baseUrl() + "/whatsapp/instance/status"), HttpMethod.GET)
				.execute()) {
				assertThat(response.getStatusCode().value()).isEqualTo(302);
			}
			assertThat(server.requests()).hasSize(1);
		}
	}

	@Test
	void jdkClientLoggingPrintsHeadersWhenItsPropertiesSaySo() {
		assertThat(ClientLibrary.Jdk.logsHeaders(null, null)).isFalse();
		assertThat(ClientLibrary.Jdk.logsHeaders("errors,requests", "false")).isFalse();
		assertThat(ClientLibrary.Jdk.logsHeaders("headers", null)).isTrue();
		assertThat(ClientLibrary.Jdk.logsHeaders("all", null)).isTrue();
		assertThat(ClientLibrary.Jdk.logsHeaders(null, "true")).isTrue();
	}

}
