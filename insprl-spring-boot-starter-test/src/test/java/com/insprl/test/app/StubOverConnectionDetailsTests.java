package com.insprl.test.app;

import com.insprl.autoconfigure.InsprlConnectionDetails;
import com.insprl.client.InsprlClient;
import com.insprl.test.AutoConfigureInsprlStub;
import com.insprl.test.InsprlStub;
import com.insprl.test.StartsSpringApplication;
import com.insprl.whatsapp.InsprlWhatsAppService;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application that takes its account from a bean of its own (a secret store): the test
 * starter's connection details, primary, point the starter at the stand-in over it, and
 * over the properties, which it leaves as they are.
 */
@SpringBootTest
@StartsSpringApplication
@AutoConfigureInsprlStub
class StubOverConnectionDetailsTests {

	@Autowired
	InsprlStub insprl;

	@Autowired
	InsprlClient client;

	@Test
	void theStandInsConnectionDetailsWinOverTheApplicationsOwn(@Autowired InsprlWhatsAppService whatsApp,
			@Autowired Environment environment) {
		assertThat(this.client.getBaseUrl()).isEqualTo(this.insprl.baseUrl());
		whatsApp.logout("vault-phone");
		assertThat(this.insprl.requests()).singleElement().satisfies((request) -> {
			assertThat(request.clientId()).isEqualTo(InsprlStub.CLIENT_ID);
			assertThat(request.carriedKey(InsprlStub.CLIENT_KEY)).isTrue();
		});
		assertThat(environment.getProperty("insprl.base-url")).as("the properties are left as they are")
			.isEqualTo("https://insprl.com/api");
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class SecretStoreAccount {

		@Bean
		InsprlConnectionDetails secretStoreConnectionDetails() {
			return new InsprlConnectionDetails() {

				@Override
				public String getBaseUrl() {
					return "https://insprl.com/api";
				}

				@Override
				public String getClientId() {
					return "from-the-secret-store";
				}

				@Override
				public String getClientKey() {
					return "sk-live-SECRET-STORE-not-for-tests";
				}

			};
		}

	}

}
