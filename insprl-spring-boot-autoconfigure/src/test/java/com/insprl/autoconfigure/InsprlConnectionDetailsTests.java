package com.insprl.autoconfigure;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.insprl.testing.KeyRuns;
import com.insprl.testing.LoopbackWireMock;
import com.insprl.testing.TestAccount;
import com.insprl.whatsapp.InsprlWhatsAppService;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link InsprlConnectionDetails}: the properties-backed default, and an
 * application's own bean in its place.
 */
class InsprlConnectionDetailsTests {

	private static final String VAULT_KEY = "vk-9c2e7a1f";

	private static final String SUCCESS = "{\"code\":\"100\",\"message\":\"success\",\"result\":\"sent\"}";

	@RegisterExtension
	static WireMockExtension insprl = LoopbackWireMock.extension();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(HttpClientAutoConfiguration.class, ImperativeHttpClientAutoConfiguration.class,
						RestClientAutoConfiguration.class, InsprlAutoConfiguration.class))
		.withPropertyValues("insprl.whatsapp.instance-id=inst-1");

	@Test
	void byDefaultTheAccountComesFromTheProperties() {
		this.contextRunner
			.withPropertyValues("insprl.client-id=" + TestAccount.CLIENT_ID, "insprl.client-key=" + TestAccount.KEY,
					"insprl.base-url=" + insprl.baseUrl() + "/api")
			.run((context) -> {
				assertThat(context).hasSingleBean(PropertiesInsprlConnectionDetails.class);
				InsprlConnectionDetails details = context.getBean(InsprlConnectionDetails.class);
				assertThat(details.getBaseUrl()).isEqualTo(insprl.baseUrl() + "/api");
				assertThat(details.getClientId()).isEqualTo("client-42");
				assertThat(details.getClientKey()).isEqualTo("sk-live-7f3a9c1e");
				assertThat(details).asString().contains("client-42").doesNotContain("sk-live-7f3a9c1e");
			});
	}

	@Test
	void theApplicationsOwnConnectionDetailsReplaceTheProperties() {
		insprl.stubFor(post("/vault/whatsapp/instance/logout").willReturn(okJson(SUCCESS)));
		this.contextRunner
			.withPropertyValues("insprl.client-id=property-client", "insprl.client-key=property-key-1",
					"insprl.base-url=https://insprl.com/api")
			.withBean(InsprlConnectionDetails.class,
					() -> new VaultConnectionDetails(insprl.baseUrl() + "/vault", "vault-client", VAULT_KEY))
			.run((context) -> {
				assertThat(context).hasNotFailed().doesNotHaveBean(PropertiesInsprlConnectionDetails.class);
				assertThat(context.getBean(InsprlWhatsAppService.class).logout().code()).isEqualTo(100);
				insprl.verify(1,
						postRequestedFor(urlEqualTo("/vault/whatsapp/instance/logout"))
							.withHeader("Authorization", equalTo(VAULT_KEY))
							.withRequestBody(equalTo("client_id=vault-client&instance_id=inst-1")));
				SanitizableData value = new SanitizableData(null, "vault.response", "token " + VAULT_KEY);
				assertThat(context.getBean(SanitizingFunction.class).apply(value).getValue())
					.as("the actuator masks the bean's key, as it masks the property's")
					.isEqualTo(SanitizableData.SANITIZED_VALUE);
			});
	}

	@Test
	void anInvalidAccountFromTheApplicationsBeanFailsStartupNamingTheBeanNotTheKey() {
		String key = "vk-with\nbreak";
		this.contextRunner
			.withBean(InsprlConnectionDetails.class,
					() -> new VaultConnectionDetails(insprl.baseUrl(), "vault-client", key))
			.run((context) -> {
				assertThat(context).hasFailed();
				Throwable failure = context.getStartupFailure();
				while (failure.getCause() != null) {
					failure = failure.getCause();
				}
				assertThat(failure).isInstanceOf(IllegalStateException.class)
					.hasMessageContaining(VaultConnectionDetails.class.getName())
					.hasMessageContaining("client key")
					.hasMessageContaining("remove it to use the insprl.* properties");
				KeyRuns.assertNone(key, failure.getMessage());
			});
		this.contextRunner
			.withBean(InsprlConnectionDetails.class,
					() -> new VaultConnectionDetails("http://10.0.0.5/api", "v", "k-1"))
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("gives a base URL that"));
	}

	private record VaultConnectionDetails(String baseUrl, String clientId,
			@Nullable String clientKey) implements InsprlConnectionDetails {

		@Override
		public String getBaseUrl() {
			return this.baseUrl;
		}

		@Override
		public String getClientId() {
			return this.clientId;
		}

		@Override
		public @Nullable String getClientKey() {
			return this.clientKey;
		}

		@Override
		public String toString() {
			return "VaultConnectionDetails[" + this.clientId + "]";
		}

	}

}
