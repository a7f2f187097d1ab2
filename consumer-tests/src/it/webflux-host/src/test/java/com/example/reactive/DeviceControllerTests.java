package com.example.reactive;

import com.insprl.http.InsprlHttpTransport;
import com.insprl.test.AutoConfigureInsprlStub;
import com.insprl.test.InsprlStub;
import com.insprl.whatsapp.InsprlWhatsAppService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A WebFlux application with the starter starts, has the service, and says nothing
 * alarming; its reactive handler calls insprl off the event loop.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@AutoConfigureInsprlStub
@ExtendWith(OutputCaptureExtension.class)
class DeviceControllerTests {

	@Autowired
	WebTestClient http;

	@Autowired
	InsprlStub insprl;

	@Autowired
	InsprlWhatsAppService whatsApp;

	@Autowired
	InsprlHttpTransport transport;

	@Test
	void theServiceIsThereAndSendsWithTheApplicationsReactorNettyClient() {
		assertThat(this.whatsApp).isNotNull();
		assertThat(this.transport.getLibrary()).isEqualTo("reactor");
	}

	@Test
	void aReactiveHandlerCallsInsprlOnTheBoundedElasticScheduler() {
		this.http.post()
			.uri("/devices/team-phone-7/unlink")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.result")
			.isEqualTo("Logout request sent to WhatsApp")
			.jsonPath("$.thread")
			.value((thread) -> assertThat(thread.toString()).startsWith("boundedElastic-"));
		assertThat(this.insprl.loggedOutInstances()).containsExactly("team-phone-7");
	}

	@Test
	void startingSaysNothingAlarming(CapturedOutput output) {
		assertThat(output.getAll().lines().filter((line) -> line.contains(" WARN ") || line.contains(" ERROR ")))
			.isEmpty();
	}

}
