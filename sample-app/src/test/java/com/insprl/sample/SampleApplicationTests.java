package com.insprl.sample;

import java.net.http.HttpRequest;
import java.util.Map;

import com.insprl.test.InsprlStub;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the sample app in demo mode (no credentials) on a random port and calls each of
 * its endpoints over HTTP.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class SampleApplicationTests {

	@LocalServerPort
	int port;

	@Autowired
	InsprlStub insprl;

	private SampleHttp http;

	@BeforeEach
	void http() {
		this.http = new SampleHttp(this.port);
	}

	@Test
	void logoutOfTheDefaultInstanceReturnsTheResult() throws Exception {
		SampleHttp.Reply reply = this.http.post("/logout");
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.body().get("code").asInt()).isEqualTo(100);
		assertThat(reply.body().get("message").asString()).isEqualTo("success");
		assertThat(reply.body().get("result").asString()).isEqualTo("Logout request sent to WhatsApp");
		assertThat(this.insprl.requests()).singleElement().satisfies((request) -> {
			assertThat(request.carriedKey(InsprlStub.CLIENT_KEY)).isTrue();
			assertThat(request.clientId()).isEqualTo(InsprlStub.CLIENT_ID);
			assertThat(request.parameters()).containsEntry("instance_id", "demo-instance");
		});
	}

	@Test
	void logoutOfAGivenInstanceReturnsTheResult() throws Exception {
		SampleHttp.Reply reply = this.http.post("/instances/team-phone-7/logout");
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.body().get("result").asString()).isEqualTo("Logout request sent to WhatsApp");
	}

	@Test
	void actuatorInfoShowsTheStarterButNoKey() throws Exception {
		SampleHttp.Reply reply = this.http.get("/actuator/info");
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.body().at("/insprl/clientLibrary").asString()).isEqualTo("jdk");
		assertThat(reply.body().at("/insprl/rateLimitStore").asString()).isEqualTo("none");
		assertThat(reply.body().at("/insprl/springBootVersion").asString()).startsWith("4.");
		assertThat(reply.body().toString()).doesNotContain(InsprlStub.CLIENT_KEY);
	}

	@Test
	void rejectedCredentialsAreA401Problem() throws Exception {
		SampleHttp.Reply reply = this.http.post("/instances/demo-unauthorized/logout");
		assertThat(reply.status()).isEqualTo(401);
		assertThat(reply.contentType()).startsWith("application/problem+json");
		assertThat(reply.body().get("type").asString()).isEqualTo("urn:insprl:authentication");
		assertThat(reply.body().get("insprlCode").asInt()).isEqualTo(101);
		assertThat(reply.body().get("retryable").asBoolean()).isFalse();
		assertThat(reply.body().get("detail").asString()).contains("Invalid Authorization Key")
			.doesNotContain(InsprlStub.CLIENT_KEY);
	}

	@Test
	void problemDetailsNeverCarryTheKeyEvenWhenInsprlEchoesIt() throws Exception {
		String key = InsprlStub.CLIENT_KEY;
		this.insprl.logout("demo-echo")
			.repliesWith(200, "{\"code\":102,\"message\":\"bad key " + key + "\",\"errors\":{\"" + key + "\":[\"key "
					+ key.substring(1) + " refused\"]}}");
		SampleHttp.Reply reply = this.http.post("/instances/demo-echo/logout");
		assertThat(reply.status()).isEqualTo(422);
		String body = reply.body().toString();
		for (int i = 0; i + 6 <= key.length(); i++) {
			assertThat(body).doesNotContain(key.substring(i, i + 6));
		}
		assertThat(body).contains("******");
	}

	@Test
	void invalidParametersAreA422ProblemWithFieldErrors() throws Exception {
		SampleHttp.Reply reply = this.http.post("/instances/demo-invalid/logout");
		assertThat(reply.status()).isEqualTo(422);
		assertThat(reply.body().get("type").asString()).isEqualTo("urn:insprl:validation");
		assertThat(reply.body().at("/fieldErrors/instance_id/0").asString())
			.isEqualTo("The selected instance id is invalid.");
	}

	@Test
	void rateLimitIsA429ProblemWithRetryAfter() throws Exception {
		SampleHttp.Reply reply = this.http.post("/instances/demo-rate-limited/logout");
		assertThat(reply.status()).isEqualTo(429);
		assertThat(reply.body().get("type").asString()).isEqualTo("urn:insprl:rate-limited");
		assertThat(reply.retryAfter()).isEqualTo("30");
	}

	@Test
	void outageIsA502ProblemAfterTheRetries() throws Exception {
		SampleHttp.Reply reply = this.http.post("/instances/demo-outage/logout");
		assertThat(reply.status()).isEqualTo(502);
		assertThat(reply.body().get("type").asString()).isEqualTo("urn:insprl:api-error");
		assertThat(reply.body().get("insprlHttpStatus").asInt()).isEqualTo(503);
		assertThat(reply.body().get("retryable").asBoolean()).isTrue();
		assertThat(reply.body().get("attempts").asInt()).isEqualTo(3);
		assertThat(reply.body().get("detail").asString()).contains("Oops! Facing network problem");
		assertThat(this.insprl.logoutsOf("demo-outage")).isEqualTo(3);
	}

	@Test
	void campaignTrackingShowsTheCampaignAndItsContacts() throws Exception {
		SampleHttp.Reply reply = this.http
			.get("/accounts/demo-account/campaigns/spring-sale/tracking?status=READ&perPage=10");
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.body().at("/campaign/name").asString()).isEqualTo("Spring sale");
		assertThat(reply.body().at("/campaign/deliveryRate").asDouble()).isEqualTo(66.67);
		assertThat(reply.body().at("/contacts/0/phone").asString()).isEqualTo("+919800000001");
		assertThat(this.insprl.requests()).last()
			.satisfies((request) -> assertThat(request.parameters()).containsEntry("campaign_uid", "spring-sale")
				.containsEntry("status", "read")
				.containsEntry("per_page", "10"));
		SampleHttp.Reply missing = this.http.get("/accounts/demo-account/campaigns/demo-missing/tracking");
		assertThat(missing.status()).isEqualTo(422);
		assertThat(missing.body().at("/fieldErrors/campaign_uid/0").asString())
			.isEqualTo("The selected campaign uid is invalid.");
		assertThat(this.http.get("/accounts/demo-account/campaigns/x/tracking?perPage=500").status()).isEqualTo(400);
	}

	@Test
	void aCustomersNumbersAreLoggedOutWithItsOwnAccount() throws Exception {
		SampleHttp.Reply one = this.http.post("/customers/acme/instances/acme-phone-1/logout");
		assertThat(one.status()).isEqualTo(200);
		assertThat(this.insprl.requests()).last()
			.satisfies((request) -> assertThat(request.clientId()).isEqualTo("acme-client"));
		SampleHttp.Reply all = this.http.send(this.http.request("/customers/acme/logout-all")
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers
				.ofString("[\"acme-phone-1\",\"acme-phone-2\",\"demo-invalid\",\"acme-phone-1\"]")));
		assertThat(all.status()).isEqualTo(200);
		assertThat(all.body().get("succeeded").properties()).extracting(Map.Entry::getKey)
			.containsExactly("acme-phone-1", "acme-phone-2");
		assertThat(all.body().at("/failed/demo-invalid").asString()).contains("code 102");
		assertThat(this.http.post("/customers/nobody/instances/x/logout").status()).isEqualTo(404);
	}

	@Test
	void blankInstanceIsA400ProblemAndSendsNothing() throws Exception {
		int before = this.insprl.requests().size();
		SampleHttp.Reply reply = this.http.post("/instances/%20/logout");
		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.body().get("detail").asString()).contains("instanceId");
		assertThat(this.insprl.requests()).hasSize(before);
	}

	@Test
	void healthShowsTheInsprlComponentWithoutCallingLogout() throws Exception {
		int logoutsBefore = logoutRequests();
		for (int i = 0; i < 5; i++) {
			SampleHttp.Reply health = this.http.get("/actuator/health");
			assertThat(health.status()).isEqualTo(200);
			assertThat(health.body().at("/components/insprl/status").asString()).isEqualTo("UP");
			assertThat(health.body().at("/components/insprl/details/baseUrl").asString())
				.startsWith("http://127.0.0.1:");
			assertThat(health.body().at("/components/insprl/details/probe/reachable").asBoolean()).isTrue();
			assertThat(health.body().toString()).doesNotContain(InsprlStub.CLIENT_KEY);
		}
		assertThat(logoutRequests()).as("health made no logout request").isEqualTo(logoutsBefore);
		assertThat(this.insprl.reachabilityProbes()).as("one probe per TTL").isLessThanOrEqualTo(1);
	}

	private int logoutRequests() {
		return this.insprl.loggedOutInstances().size();
	}

}
