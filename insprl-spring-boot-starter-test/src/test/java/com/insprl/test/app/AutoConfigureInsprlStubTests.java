package com.insprl.test.app;

import java.time.Duration;

import com.insprl.client.InsprlClient;
import com.insprl.client.InsprlRateLimitException;
import com.insprl.test.AutoConfigureInsprlStub;
import com.insprl.test.InsprlStub;
import com.insprl.test.StartsSpringApplication;
import com.insprl.whatsapp.InsprlWhatsAppService;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A user's test of their own service, with three lines of setup: the starter talks to the
 * stand-in, never to the {@code insprl.base-url} and key of
 * {@code application.properties}, and the stand-in and what the client remembers (a pause
 * insprl asked for) are reset between tests.
 */
@SpringBootTest
@StartsSpringApplication
@AutoConfigureInsprlStub
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AutoConfigureInsprlStubTests {

	@Autowired
	InsprlStub insprl;

	@Autowired
	DeviceOffboarding offboarding;

	@Autowired
	InsprlClient client;

	@Test
	@Order(1)
	void theStarterTalksToTheStandInWithTestCredentials() {
		assertThat(this.client.getBaseUrl()).isEqualTo(this.insprl.baseUrl()).startsWith("http://127.0.0.1:");
		assertThat(this.client.getCredentials().getClientId()).isEqualTo(InsprlStub.CLIENT_ID);
		assertThat(this.offboarding.unlink("team-phone-7")).isEqualTo("Logout request sent to WhatsApp");
		assertThat(this.insprl.loggedOutInstances()).containsExactly("team-phone-7");
		assertThat(this.insprl.requests()).singleElement().satisfies((request) -> {
			assertThat(request.clientId()).isEqualTo(InsprlStub.CLIENT_ID);
			assertThat(request.carriedKey(InsprlStub.CLIENT_KEY)).isTrue();
			assertThat(request.carriedKey("sk-live-PRODUCTION-not-for-tests")).isFalse();
		});
	}

	@Test
	@Order(2)
	void scriptedAnswersReachTheUsersCode() {
		this.insprl.logout("old-phone").rejectsCredentials();
		assertThat(this.offboarding.unlink("old-phone")).isEqualTo("check the insprl credentials");
		assertThat(this.offboarding.unlink("team-phone-7")).isEqualTo("Logout request sent to WhatsApp");
	}

	@Test
	@Order(3)
	void eachTestStartsFromAFreshStandIn(@Autowired InsprlWhatsAppService whatsApp) {
		assertThat(this.insprl.requests()).as("requests of earlier tests").isEmpty();
		assertThat(this.offboarding.unlink("old-phone")).as("answers scripted by earlier tests")
			.isEqualTo("Logout request sent to WhatsApp");
		this.insprl.logout("busy-phone").isRateLimited(Duration.ofSeconds(60));
		assertThatExceptionOfType(InsprlRateLimitException.class).isThrownBy(() -> whatsApp.logout("busy-phone"))
			.satisfies((ex) -> assertThat(ex.getRetryAfter()).contains(Duration.ofSeconds(60)));
		assertThat(this.insprl.logoutsOf("busy-phone")).isEqualTo(1);
	}

	@Test
	@Order(4)
	void anEarlierTestsRateLimitDoesNotHoldTheNext(@Autowired InsprlWhatsAppService whatsApp) {
		assertThat(whatsApp.logout("busy-phone").result()).as("paused for 60 s by the test before")
			.isEqualTo("Logout request sent to WhatsApp");
		assertThat(this.insprl.logoutsOf("busy-phone")).isEqualTo(1);
	}

}
