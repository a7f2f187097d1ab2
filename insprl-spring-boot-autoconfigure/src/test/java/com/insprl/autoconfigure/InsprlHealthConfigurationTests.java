package com.insprl.autoconfigure;

import com.insprl.health.internal.InsprlHealthIndicator;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link InsprlHealthConfiguration}.
 */
class InsprlHealthConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(InsprlAutoConfiguration.class))
		.withPropertyValues("insprl.client-id=client-42", "insprl.client-key=key-1",
				"insprl.base-url=http://127.0.0.1:9/api");

	@Test
	void runShouldCreateIndicatorNamedInsprl() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(InsprlHealthIndicator.class).hasBean("insprlHealthIndicator");
			assertThat(context).getBean("insprlHealthIndicator").isInstanceOf(HealthIndicator.class);
		});
	}

	@Test
	void runWhenDisabledShouldNotCreateIndicator() {
		this.contextRunner.withPropertyValues("management.health.insprl.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(InsprlHealthIndicator.class));
	}

	@Test
	void runWithoutHealthSupportShouldNotCreateIndicator() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(HealthIndicator.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(InsprlHealthIndicator.class));
	}

	@Test
	void runWhenInsprlIsDisabledShouldNotCreateIndicator() {
		this.contextRunner.withPropertyValues("insprl.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(InsprlHealthIndicator.class));
	}

	@Test
	void nonPositiveProbeTimeoutFailsStartup() {
		this.contextRunner.withPropertyValues("insprl.health.timeout=0ms").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure())
				.hasRootCauseInstanceOf(InvalidConfigurationPropertyValueException.class)
				.rootCause()
				.hasMessageContaining("insprl.health.timeout");
		});
	}

}
