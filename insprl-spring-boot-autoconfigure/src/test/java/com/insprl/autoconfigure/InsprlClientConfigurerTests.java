package com.insprl.autoconfigure;

import java.time.Duration;

import com.insprl.client.InsprlClient;
import com.insprl.client.InsprlClientBuilder;
import com.insprl.http.internal.Durations;
import org.assertj.core.api.ThrowableAssertAlternative;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Tests for {@link InsprlClientConfigurer}: each property the builder refuses is named,
 * with its value, before anything is built.
 */
class InsprlClientConfigurerTests {

	private final InsprlProperties properties = new InsprlProperties();

	InsprlClientConfigurerTests() {
		this.properties.setClientId("client-1");
		this.properties.setClientKey("key-0123456789");
	}

	@Test
	void defaultPropertiesWithCredentialsConfigureAClient() {
		InsprlClientBuilder builder = InsprlClient.builder();
		configure(builder);
		assertThatNoException().isThrownBy(() -> builder.build().close());
	}

	@Test
	void httpsBaseUrlIsAccepted() {
		this.properties.setBaseUrl("https://insprl.com/api");
		assertThatNoException().isThrownBy(() -> configure(InsprlClient.builder()));
	}

	@Test
	void plainHttpIsAcceptedForLoopbackHostsOnly() {
		for (String url : new String[] { "http://localhost:8089/api", "http://127.0.0.1:1/api", "http://[::1]:80/x" }) {
			this.properties.setBaseUrl(url);
			assertThatNoException().isThrownBy(() -> configure(InsprlClient.builder()));
		}
		for (String url : new String[] { "http://insprl.com/api", "http://10.0.0.5/api",
				"http://localhost.evil.com/" }) {
			this.properties.setBaseUrl(url);
			assertRefused("insprl.base-url", url).withMessageContaining("clear text");
		}
	}

	@Test
	void baseUrlThatIsNotHttpIsRefused() {
		for (String url : new String[] { "ftp://insprl.com/api", "insprl.com/api", "https://", "https://in sprl",
				" " }) {
			this.properties.setBaseUrl(url);
			assertRefused("insprl.base-url", url);
		}
	}

	@Test
	void aMissingCredentialNamesItsEnvironmentVariable() {
		this.properties.setClientId(" ");
		assertRefused("insprl.client-id", " ").withMessageContaining("INSPRL_CLIENT_ID")
			.withMessageContaining("insprl.enabled=false");
		this.properties.setClientId("client-1");
		this.properties.setClientKey("");
		assertRefused("insprl.client-key", SecretPropertyFailureAnalyzer.MASK)
			.withMessageContaining("INSPRL_CLIENT_KEY");
	}

	@Test
	void retrySettingsOutOfRangeNameTheProperty() {
		this.properties.getRetry().setMaxAttempts(0);
		assertRefused("insprl.retry.max-attempts", 0);
		this.properties.getRetry().setMaxAttempts(3);
		this.properties.getRetry().setMultiplier(0.5);
		assertRefused("insprl.retry.multiplier", 0.5);
		this.properties.getRetry().setMultiplier(2);
		this.properties.getRetry().setInitialBackoff(Duration.ofMillis(-1));
		assertRefused("insprl.retry.initial-backoff", Duration.ofMillis(-1));
		this.properties.getRetry().setInitialBackoff(Duration.ofMillis(200));
		this.properties.getRetry().setMaxBackoff(Duration.ofMillis(10));
		assertRefused("insprl.retry.max-backoff", Duration.ofMillis(10))
			.withMessageContaining("insprl.retry.initial-backoff");
	}

	@Test
	void timeoutsOutOfRangeNameTheProperty() {
		this.properties.setConnectTimeout(Duration.ZERO);
		assertRefused("insprl.connect-timeout", Duration.ZERO);
		this.properties.setConnectTimeout(Duration.ofSeconds(1));
		this.properties.setReadTimeout(Duration.ofDays(365));
		assertRefused("insprl.read-timeout", Duration.ofDays(365));
		this.properties.setReadTimeout(Duration.ofSeconds(1));
		this.properties.setCallTimeout(Duration.ofSeconds(-1));
		assertRefused("insprl.call-timeout", Duration.ofSeconds(-1));
		this.properties.setCallTimeout(Duration.ofSeconds(10));
		this.properties.setUsageLimitPause(Duration.ofSeconds(-1));
		assertRefused("insprl.usage-limit-pause", Duration.ofSeconds(-1));
	}

	private ThrowableAssertAlternative<InvalidConfigurationPropertyValueException> assertRefused(String property,
			Object value) {
		return assertThatExceptionOfType(InvalidConfigurationPropertyValueException.class)
			.isThrownBy(() -> configure(InsprlClient.builder()))
			.satisfies((ex) -> assertThat(ex.getName()).isEqualTo(property))
			.satisfies((ex) -> assertThat(ex.getValue())
				.isEqualTo((value instanceof Duration duration) ? Durations.format(duration) : value));
	}

	private void configure(InsprlClientBuilder builder) {
		new InsprlClientConfigurer(this.properties, new PropertiesInsprlConnectionDetails(this.properties))
			.configure(builder);
	}

}
