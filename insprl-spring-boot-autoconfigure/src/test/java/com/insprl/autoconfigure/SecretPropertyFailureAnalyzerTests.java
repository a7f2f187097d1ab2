package com.insprl.autoconfigure;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.env.OriginTrackedMapPropertySource;
import org.springframework.boot.origin.OriginTrackedValue;
import org.springframework.boot.origin.TextResourceOrigin;
import org.springframework.boot.origin.TextResourceOrigin.Location;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SecretPropertyFailureAnalyzer}: where a bad value came from, without
 * the value where it may be secret.
 */
class SecretPropertyFailureAnalyzerTests {

	private static final String KEY = "sk-live-7f3a9c1e";

	@Test
	void theKeyIsMaskedAndItsOriginShown() {
		MockEnvironment environment = environmentWith("insprl.client-key", KEY + "\u00e9");
		FailureAnalysis analysis = FailureAnalyses.analyze(
				PropertyChecks.invalid("insprl.client-key", SecretPropertyFailureAnalyzer.MASK, "is not visible ASCII"),
				environment);
		assertThat(analysis.getDescription()).contains("Invalid value '******' for configuration property")
			.contains("application.yml] - 3:15")
			.contains("is not visible ASCII")
			.doesNotContain(KEY);
		assertThat(analysis.getAction()).contains("INSPRL_CLIENT_KEY").doesNotContain(KEY);
	}

	@Test
	void aBaseUrlIsShownWithoutItsQueryFragmentOrUserInfo() {
		MockEnvironment environment = environmentWith("insprl.base-url",
				"https://u:" + KEY + "@insprl.com/api?t=" + KEY);
		FailureAnalysis analysis = FailureAnalyses.analyze(
				new InvalidConfigurationPropertyValueException("insprl.base-url", "x", "carries a query"), environment);
		assertThat(analysis.getDescription()).contains("'https://******@insprl.com/api?******'")
			.contains("application.yml] - 3:15")
			.doesNotContain(KEY);
	}

	@Test
	void urlsAreRedactedWhateverTheirShape() {
		assertThat(SecretPropertyFailureAnalyzer.redactUrl("https://insprl.com/api"))
			.isEqualTo("https://insprl.com/api");
		assertThat(SecretPropertyFailureAnalyzer.redactUrl("https://insprl.com/api#" + KEY))
			.isEqualTo("https://insprl.com/api#******");
		assertThat(SecretPropertyFailureAnalyzer.redactUrl(KEY + "@insprl.com")).isEqualTo("******@insprl.com");
		assertThat(SecretPropertyFailureAnalyzer.redactUrl("https://a@b@insprl.com/x@y"))
			.isEqualTo("https://******@insprl.com/x@y");
		assertThat(SecretPropertyFailureAnalyzer.redactUrl("https://insprl.com?@" + KEY)).doesNotContain(KEY);
	}

	@Test
	void otherPropertiesAreLeftToSpringBoot() {
		assertThat(new SecretPropertyFailureAnalyzer(new MockEnvironment())
			.analyze(PropertyChecks.invalid("insprl.client-id", "x", "is blank"))).isNull();
	}

	private static MockEnvironment environmentWith(String property, String value) {
		MockEnvironment environment = new MockEnvironment();
		TextResourceOrigin origin = new TextResourceOrigin(new ByteArrayResource(new byte[0], "application.yml"),
				new Location(2, 14));
		environment.getPropertySources()
			.addFirst(new OriginTrackedMapPropertySource("application.yml",
					Map.of(property, OriginTrackedValue.of(value, origin))));
		return environment;
	}

}
