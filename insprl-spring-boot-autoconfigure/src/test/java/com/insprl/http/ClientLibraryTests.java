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
		assertThat(ClientLibrary.of(ClientHttpRequestFactoryBuilder.httpComponents()).name())
			.isEqualTo("http-components");
		assertThat(ClientLibrary.of(ClientHttpRequestFactoryBuilder.jdk()).name()).isEqualTo("jdk");
		assertThat(ClientLibrary.of(ClientHttpRequestFactoryBuilder.simple()).name()).isEqualTo("simple");
		assertThat(ClientLibrary.of(ClientHttpRequestFactoryBuilder.jetty()).name()).isEqualTo("jetty");
		assertThat(ClientLibrary.of(ClientHttpRequestFactoryBuilder.reactor()).name()).isEqualTo("reactor");
		assertThat(ClientLibrary.of(ClientHttpRequestFactoryBuilder.of(SimpleClientHttpRequestFactory::new)).name())
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
			ClientHttpRequestFactory factory = new SimpleLibrary().build(HttpClientSettings.defaults(),
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
		assertThat(JdkLibrary.logsHeaders(null, null)).isFalse();
		assertThat(JdkLibrary.logsHeaders("errors,requests", "false")).isFalse();
		assertThat(JdkLibrary.logsHeaders("headers", null)).isTrue();
		assertThat(JdkLibrary.logsHeaders("all", null)).isTrue();
		assertThat(JdkLibrary.logsHeaders(null, "true")).isTrue();
	}

}
