package com.insprl.autoconfigure;

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
		assertThat(InsprlPropertiesValidator.baseUrl(this.properties)).isEqualTo("https://insprl.com/api");
	}

	@Test
	void plainHttpIsAcceptedForLoopbackHostsOnly() {
		for (String url : new String[] { "http://localhost:8089/api", "http://127.0.0.1:1/api", "http://[::1]:80/x" }) {
			this.properties.setBaseUrl(url);
			assertThat(InsprlPropertiesValidator.baseUrl(this.properties)).isEqualTo(url);
		}
		for (String url : new String[] { "http://insprl.com/api", "http://10.0.0.5/api", "http://localhost.evil.com/" }) {
			this.properties.setBaseUrl(url);
			assertThatExceptionOfType(InvalidInsprlPropertyException.class)
				.isThrownBy(() -> InsprlPropertiesValidator.baseUrl(this.properties))
				.withMessageContaining("insprl.base-url")
				.withMessageContaining("clear text");
		}
	}

	@Test
	void baseUrlThatIsNotHttpIsRefused() {
		for (String url : new String[] { "ftp://insprl.com/api", "insprl.com/api", "https://", "https://in sprl" }) {
			this.properties.setBaseUrl(url);
			assertThatExceptionOfType(InvalidInsprlPropertyException.class)
				.isThrownBy(() -> InsprlPropertiesValidator.baseUrl(this.properties))
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

}
