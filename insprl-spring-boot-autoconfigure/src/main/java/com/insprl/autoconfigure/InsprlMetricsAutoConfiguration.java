package com.insprl.autoconfigure;

import com.insprl.client.InsprlClient;
import com.insprl.metrics.InsprlMetricsListener;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration for the {@code insprl.api.calls} metric, when a Micrometer
 * {@link MeterRegistry} is present.
 */
@AutoConfiguration(after = InsprlAutoConfiguration.class,
		afterName = { "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration" })
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean({ MeterRegistry.class, InsprlClient.class })
public final class InsprlMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	InsprlMetricsListener insprlMetricsListener(MeterRegistry meterRegistry) {
		return new InsprlMetricsListener(meterRegistry);
	}

}
