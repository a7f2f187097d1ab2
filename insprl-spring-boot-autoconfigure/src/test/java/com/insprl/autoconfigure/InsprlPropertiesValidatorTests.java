package com.insprl.autoconfigure;

import java.time.Duration;

import com.insprl.client.InsprlClient;
import com.insprl.client.InsprlRetrySettings;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link InsprlPropertiesValidator}.
 */
class InsprlPropertiesValidatorTests {

	private final InsprlProperties properties = new InsprlProperties();

	@Test
	void httpsBaseUrlIsAccepted() {
		this.properties.setBaseUrl("https://insprl.com/api");
		InsprlPropertiesValidator.baseUrl(InsprlClient.builder(),
				new PropertiesInsprlConnectionDetails(this.properties));
	}

	@Test
	void plainHttpIsAcceptedForLoopbackHostsOnly() {
		for (String url : new String[] { "http://localhost:8089/api", "http://127.0.0.1:1/api", "http://[::1]:80/x" }) {
			this.properties.setBaseUrl(url);
			InsprlPropertiesValidator.baseUrl(InsprlClient.builder(),
					new PropertiesInsprlConnectionDetails(this.properties));
		}
		for (String url : new String[] { "http://insprl.com/api", "http://10.0.0.5/api",
				"http://localhost.evil.com/" }) {
			this.properties.setBaseUrl(url);
			assertThatExceptionOfType(InvalidInsprlPropertyException.class)
				.isThrownBy(() -> InsprlPropertiesValidator.baseUrl(InsprlClient.builder(),
						new PropertiesInsprlConnectionDetails(this.properties)))
				.withMessageContaining("insprl.base-url")
				.withMessageContaining("clear text");
		}
	}

	@Test
	void baseUrlThatIsNotHttpIsRefused() {
		for (String url : new String[] { "ftp://insprl.com/api", "insprl.com/api", "https://", "https://in sprl" }) {
			this.properties.setBaseUrl(url);
			assertThatExceptionOfType(InvalidInsprlPropertyException.class)
				.isThrownBy(() -> InsprlPropertiesValidator.baseUrl(InsprlClient.builder(),
						new PropertiesInsprlConnectionDetails(this.properties)))
				.withMessageContaining("insprl.base-url");
		}
	}

	@Test
	void environmentVariableIsDerivedFromTheProperty() {
		assertThat(new InvalidInsprlPropertyException("insprl.client-id", "is not set").getEnvironmentVariable())
			.isEqualTo("INSPRL_CLIENT_ID");
		assertThat(new InvalidInsprlPropertyException("insprl.whatsapp.instance-id", "x").getEnvironmentVariable())
			.isEqualTo("INSPRL_WHATSAPP_INSTANCE_ID");
	}

	@Test
	void retrySettingsOutOfRangeNameTheProperty() {
		this.properties.getRetry().setMaxAttempts(0);
		assertThatExceptionOfType(InvalidInsprlPropertyException.class)
			.isThrownBy(() -> InsprlPropertiesValidator.retry(this.properties))
			.withMessageContaining("insprl.retry.max-attempts");
		this.properties.getRetry().setMaxAttempts(3);
		this.properties.getRetry().setMultiplier(0.5);
		assertThatExceptionOfType(InvalidInsprlPropertyException.class)
			.isThrownBy(() -> InsprlPropertiesValidator.retry(this.properties))
			.withMessageContaining("insprl.retry.multiplier");
		this.properties.getRetry().setMultiplier(2);
		this.properties.getRetry().setMaxBackoff(Duration.ofMillis(10));
		assertThatExceptionOfType(InvalidInsprlPropertyException.class)
			.isThrownBy(() -> InsprlPropertiesValidator.retry(this.properties))
			.withMessageContaining("insprl.retry.max-backoff");
	}

	@Test
	void defaultRetrySettingsAreThreeAttemptsFrom200msTo5s() {
		assertThat(InsprlPropertiesValidator.retry(this.properties)).isEqualTo(InsprlRetrySettings.DEFAULTS);
	}

}
