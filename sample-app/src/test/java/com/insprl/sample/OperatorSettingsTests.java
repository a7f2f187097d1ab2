package com.insprl.sample;

import com.insprl.test.InsprlStub;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The settings docs/operations.md gives operators, in the sample's web stack: the
 * {@code insprl} endpoint read-only (pauses shown, never lifted over HTTP), and the
 * platform's probes on Spring Boot's liveness and readiness groups, which stay UP while
 * insprl's health, in a group of its own, is DOWN.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.endpoint.insprl.access=read-only", "management.endpoint.health.probes.enabled=true",
				"management.endpoint.health.group.dependencies.include=insprl",
				"management.endpoint.health.group.dependencies.show-details=never",
				"insprl.base-url=http://127.0.0.1:9/api" })
class OperatorSettingsTests {

	@LocalServerPort
	int port;

	private SampleHttp operator;

	private SampleHttp http;

	@BeforeEach
	void http() {
		this.http = new SampleHttp(this.port);
		this.operator = this.http.asOperator(DemoModeEnvironmentPostProcessor.DEMO_OPERATOR_PASSWORD);
	}

	@Test
	void aReadOnlyEndpointShowsPausesButLiftsNone() throws Exception {
		assertThat(this.http.post("/instances/demo-rate-limited/logout").status()).isEqualTo(429);
		String paused = "/pauses/accounts/0/clientId";
		assertThat(this.operator.get("/actuator/insprl").body().at(paused).asString()).isEqualTo(InsprlStub.CLIENT_ID);
		int lift = this.operator.delete("/actuator/insprl/" + InsprlStub.CLIENT_ID).status();
		assertThat(lift).as("no lift over HTTP").isIn(404, 405);
		assertThat(this.operator.get("/actuator/insprl").body().at(paused).asString()).as("still paused")
			.isEqualTo(InsprlStub.CLIENT_ID);
	}

	@Test
	void theProbesStayUpWhileInsprlIsDown() throws Exception {
		assertThat(this.http.get("/actuator/health/dependencies").status()).isEqualTo(200);
		// the demo's stand-in rejects the key for this instance: insprl's health is DOWN
		assertThat(this.http.post("/instances/demo-unauthorized/logout").status()).isEqualTo(401);
		assertThat(this.http.get("/actuator/health/dependencies").status()).as("credentials rejected").isEqualTo(503);
		assertThat(this.http.get("/actuator/health/liveness").status()).isEqualTo(200);
		assertThat(this.http.get("/actuator/health/readiness").status()).isEqualTo(200);
	}

}
