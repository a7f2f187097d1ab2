package com.insprl.autoconfigure;

import java.io.InputStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import com.insprl.client.InsprlClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.convert.DurationStyle;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks that the configuration processor's metadata describes every {@code insprl.*}
 * key, so IDEs offer completion and help for each.
 */
class ConfigurationMetadataTests {

	@Test
	void metadataListsEveryKeyWithADescription() throws Exception {
		Map<String, JsonNode> properties = new HashMap<>();
		try (InputStream in = new ClassPathResource("META-INF/spring-configuration-metadata.json").getInputStream()) {
			JsonNode root = JsonMapper.builder().build().readTree(in);
			for (JsonNode property : root.get("properties").values()) {
				properties.put(property.get("name").asString(), property);
			}
		}
		assertThat(properties).containsKeys("insprl.enabled", "insprl.base-url", "insprl.client-id",
				"insprl.client-key", "insprl.whatsapp.instance-id", "insprl.connect-timeout", "insprl.read-timeout",
				"insprl.retry.max-attempts", "insprl.retry.initial-backoff", "insprl.retry.max-backoff",
				"insprl.retry.multiplier", "insprl.health.cache-ttl", "insprl.health.timeout", "insprl.ssl.bundle",
				"insprl.max-connections", "management.health.insprl.enabled", "insprl.require-credentials",
				"insprl.whatsapp.bulk-concurrency", "insprl.rate-limit.enabled",
				"insprl.rate-limit.requests-per-second", "insprl.rate-limit.burst", "insprl.rate-limit.max-wait",
				"insprl.rate-limit.store", "insprl.rate-limit.fail-open", "insprl.call-timeout",
				"insprl.usage-limit-pause");
		assertThat(defaultDuration(properties, "insprl.call-timeout")).isEqualTo(InsprlClient.DEFAULT_CALL_TIMEOUT);
		assertThat(defaultDuration(properties, "insprl.usage-limit-pause"))
			.isEqualTo(InsprlClient.DEFAULT_USAGE_LIMIT_PAUSE);
		properties.forEach(
				(name, property) -> assertThat(property.path("description").asString("")).as("description of %s", name)
					.isNotBlank());
		assertThat(properties.get("insprl.enabled").path("defaultValue").asBoolean(false)).isTrue();
		assertThat(properties.get("insprl.base-url").path("defaultValue").asString())
			.isEqualTo("https://insprl.com/api");
		assertThat(properties.get("insprl.connect-timeout").path("type").asString()).isEqualTo("java.time.Duration");
		assertThat(properties.get("insprl.retry.max-attempts").path("defaultValue").asInt()).isEqualTo(3);
		assertThat(properties.get("insprl.max-connections").path("defaultValue").asInt()).isEqualTo(100);
		assertThat(properties.get("management.health.insprl.enabled").path("defaultValue").asBoolean(false)).isTrue();
	}

	private static Duration defaultDuration(Map<String, JsonNode> properties, String name) {
		return DurationStyle.detectAndParse(properties.get(name).path("defaultValue").asString());
	}

}
