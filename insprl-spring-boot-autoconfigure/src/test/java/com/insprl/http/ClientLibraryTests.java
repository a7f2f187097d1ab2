package com.insprl.http;

import org.junit.jupiter.api.Test;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
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

	@Test
	void jdkClientLoggingPrintsHeadersWhenItsPropertiesSaySo() {
		assertThat(ClientLibrary.Jdk.logsHeaders(null, null)).isFalse();
		assertThat(ClientLibrary.Jdk.logsHeaders("errors,requests", "false")).isFalse();
		assertThat(ClientLibrary.Jdk.logsHeaders("headers", null)).isTrue();
		assertThat(ClientLibrary.Jdk.logsHeaders("all", null)).isTrue();
		assertThat(ClientLibrary.Jdk.logsHeaders(null, "true")).isTrue();
	}

}
