package com.insprl.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

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
		Map<String, JsonNode> properties = metadata();
		assertThat(properties).containsKeys("insprl.enabled", "insprl.base-url", "insprl.client-id",
				"insprl.client-key", "insprl.whatsapp.instance-id", "insprl.connect-timeout", "insprl.read-timeout",
				"insprl.retry.max-attempts", "insprl.retry.initial-backoff", "insprl.retry.max-backoff",
				"insprl.retry.multiplier", "insprl.health.cache-ttl", "insprl.health.timeout", "insprl.ssl.bundle",
				"insprl.max-connections", "management.health.insprl.enabled", "insprl.require-credentials",
				"insprl.whatsapp.bulk-concurrency", "insprl.rate-limit.enabled",
				"insprl.rate-limit.requests-per-second", "insprl.rate-limit.burst", "insprl.rate-limit.max-wait",
				"insprl.rate-limit.store", "insprl.rate-limit.store-timeout", "insprl.rate-limit.fail-open",
				"insprl.call-timeout", "insprl.usage-limit-pause", "management.endpoint.insprl.access",
				"management.endpoint.insprl.cache.time-to-live", "management.info.insprl.enabled");
		assertThat(defaultDuration(properties, "insprl.call-timeout"))
			.isEqualTo(new InsprlProperties().getCallTimeout());
		assertThat(defaultDuration(properties, "insprl.usage-limit-pause"))
			.isEqualTo(new InsprlProperties().getUsageLimitPause());
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
		assertThat(properties.get("management.info.insprl.enabled").path("defaultValue").asBoolean(true)).isFalse();
		assertThat(properties.get("management.endpoint.insprl.access").path("defaultValue").asString())
			.isEqualTo("unrestricted");
	}

	@Test
	void eachDefaultIsStatedOnceAndTheMetadataShowsIt() throws Exception {
		Map<String, JsonNode> metadata = metadata();
		InsprlProperties defaults = new InsprlProperties();
		Map<String, Object> expected = new LinkedHashMap<>();
		expected.put("insprl.base-url", defaults.getBaseUrl());
		expected.put("insprl.connect-timeout", defaults.getConnectTimeout());
		expected.put("insprl.read-timeout", defaults.getReadTimeout());
		expected.put("insprl.call-timeout", defaults.getCallTimeout());
		expected.put("insprl.usage-limit-pause", defaults.getUsageLimitPause());
		expected.put("insprl.max-connections", defaults.getMaxConnections());
		expected.put("insprl.whatsapp.bulk-concurrency", defaults.getWhatsapp().getBulkConcurrency());
		expected.put("insprl.retry.max-attempts", defaults.getRetry().getMaxAttempts());
		expected.put("insprl.retry.initial-backoff", defaults.getRetry().getInitialBackoff());
		expected.put("insprl.retry.max-backoff", defaults.getRetry().getMaxBackoff());
		expected.put("insprl.retry.multiplier", defaults.getRetry().getMultiplier());
		expected.put("insprl.rate-limit.store-timeout", defaults.getRateLimit().getStoreTimeout());
		expected.forEach((name, value) -> {
			JsonNode stated = metadata.get(name).path("defaultValue");
			Object read = (value instanceof Duration) ? DurationStyle.detectAndParse(stated.asString())
					: (value instanceof Integer) ? stated.asInt()
							: (value instanceof Double) ? stated.asDouble() : stated.asString();
			assertThat(read).as("default of %s", name).isEqualTo(value);
		});
		assertDefaultsAreStatedOnce(defaults);
	}

	/**
	 * Fail if the main code states a default of the properties anywhere but in the
	 * properties class: the base URL, or a {@code DEFAULT_} constant of a property's type
	 * (the builders have no defaults: what is not set is off).
	 * @param defaults the properties as they are by default
	 * @throws IOException if the sources cannot be read
	 */
	private static void assertDefaultsAreStatedOnce(InsprlProperties defaults) throws IOException {
		String baseUrl = '"' + defaults.getBaseUrl() + '"';
		Path root = Path.of("src", "main", "java").toAbsolutePath();
		try (Stream<Path> files = Files.walk(root)) {
			for (Path file : files.filter((path) -> path.toString().endsWith(".java")).toList()) {
				if (file.endsWith("InsprlProperties.java")) {
					continue;
				}
				String source = Files.readString(file);
				assertThat(source).as("%s states the default base URL again", root.relativize(file))
					.doesNotContain(baseUrl);
				assertThat(source).as("%s declares a default of its own", root.relativize(file))
					.doesNotContainPattern("static final (Duration|int|long|double|String|boolean) DEFAULT_");
			}
		}
	}

	/**
	 * Defaults are the properties class's literal values, which the configuration
	 * processor writes: the hand-written metadata states none of them, and every property
	 * with a value of its own shows it in the IDE.
	 */
	@Test
	void theConfigurationProcessorWritesEveryDefault() throws Exception {
		try (InputStream in = new ClassPathResource("META-INF/additional-spring-configuration-metadata.json")
			.getInputStream()) {
			JsonNode additional = JsonMapper.builder().build().readTree(in).path("properties");
			assertThat(additional.values())
				.filteredOn((property) -> property.path("name").asString().startsWith("insprl."))
				.as("hand-written insprl.* metadata")
				.isEmpty();
		}
		Map<String, JsonNode> metadata = metadata();
		Set<String> withoutValue = Set.of("insprl.client-id", "insprl.client-key", "insprl.ssl.bundle",
				"insprl.whatsapp.instance-id", "insprl.rate-limit.requests-per-second", "insprl.rate-limit.burst",
				"insprl.email.sender");
		assertThat(metadata).allSatisfy((name, property) -> {
			if (name.startsWith("insprl.") && !withoutValue.contains(name)) {
				assertThat(property.has("defaultValue")).as("%s shows its default", name).isTrue();
			}
		});
	}

	private static Map<String, JsonNode> metadata() throws IOException {
		Map<String, JsonNode> properties = new HashMap<>();
		try (InputStream in = new ClassPathResource("META-INF/spring-configuration-metadata.json").getInputStream()) {
			JsonNode root = JsonMapper.builder().build().readTree(in);
			for (JsonNode property : root.get("properties").values()) {
				properties.put(property.get("name").asString(), property);
			}
		}
		return properties;
	}

	private static Duration defaultDuration(Map<String, JsonNode> properties, String name) {
		return DurationStyle.detectAndParse(properties.get(name).path("defaultValue").asString());
	}

}
