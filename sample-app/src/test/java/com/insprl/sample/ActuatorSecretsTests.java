package com.insprl.sample;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With actuator's {@code env} and {@code configprops} endpoints exposed and set to show
 * values, the client key is still masked, while other insprl values are shown.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "insprl.client-id=client-visible-42", "insprl.client-key=" + ActuatorSecretsTests.KEY,
				"insprl.base-url=http://127.0.0.1:9/api", "management.endpoints.web.exposure.include=env,configprops",
				"management.endpoint.env.show-values=always", "management.endpoint.configprops.show-values=always" })
class ActuatorSecretsTests {

	static final String KEY = "sk-live-ACTUATOR-5d1c";

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@LocalServerPort
	int port;

	private String get(String path) throws Exception {
		HttpResponse<String> response = this.http
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
				.timeout(Duration.ofSeconds(20))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		return response.body();
	}

	@Test
	void configpropsShowsTheClientIdButNotTheKey() throws Exception {
		String body = get("/actuator/configprops");
		assertThat(body).contains("client-visible-42").contains("clientKey").doesNotContain(KEY);
	}

	@Test
	void envShowsTheClientIdButNotTheKey() throws Exception {
		assertThat(get("/actuator/env")).contains("client-visible-42").doesNotContain(KEY);
		assertThat(get("/actuator/env/insprl.client-key")).doesNotContain(KEY).contains("******");
	}

}
