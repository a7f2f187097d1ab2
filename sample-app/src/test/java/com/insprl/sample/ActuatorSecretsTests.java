package com.insprl.sample;

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
				"management.endpoint.env.show-values=always", "management.endpoint.configprops.show-values=always",
				"spring.security.user.password=" + ActuatorSecretsTests.OPERATOR_PASSWORD })
class ActuatorSecretsTests {

	static final String KEY = "sk-live-ACTUATOR-5d1c";

	static final String OPERATOR_PASSWORD = "operator-secret-1";

	@LocalServerPort
	int port;

	private String get(String path) throws Exception {
		SampleHttp.Reply reply = new SampleHttp(this.port).asOperator(OPERATOR_PASSWORD).get(path);
		assertThat(reply.status()).as(path).isEqualTo(200);
		return reply.text();
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
