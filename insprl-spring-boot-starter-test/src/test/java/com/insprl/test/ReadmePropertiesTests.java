package com.insprl.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.insprl.autoconfigure.InsprlProperties;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.bind.handler.NoUnboundElementsBindHandler;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Binds every properties and YAML example of the README as a user would paste it into
 * {@code application.properties} or {@code application.yml}: each key is one that Spring
 * Boot or the starter documents in its configuration metadata (or an entry of a map it
 * documents), each value converts to the key's documented type, the {@code insprl.*} keys
 * bind to the starter's properties with none left over, and a properties example holds no
 * trailing comment, which a properties file would read as part of the value.
 */
class ReadmePropertiesTests {

	private static final Pattern BLOCK = Pattern.compile("```(properties|yaml)\\n(.*?)```", Pattern.DOTALL);

	private static final Pattern TRAILING_COMMENT = Pattern.compile("\\s[#!]");

	private final ConversionService conversion = ApplicationConversionService.getSharedInstance();

	@Test
	void everyPropertiesAndYamlExampleBinds() throws IOException {
		Map<String, String> documented = documentedProperties();
		Matcher block = BLOCK.matcher(UserDocs.read());
		int examples = 0;
		while (block.find()) {
			examples++;
			int number = examples;
			String example = block.group(2);
			PropertySource<?> source = block.group(1).equals("properties") ? properties(example, number)
					: yaml(example, number);
			StandardEnvironment environment = new StandardEnvironment();
			environment.getPropertySources().addFirst(source);
			Map<String, Object> values = flatten(source);
			assertThat(values).as("example %d:%n%s", number, example).isNotEmpty();
			values.forEach((key, raw) -> {
				String value = environment.resolvePlaceholders(String.valueOf(raw));
				String type = type(documented, key);
				assertThat(type).as("example %d: %s is a documented property", number, key).isNotNull();
				Class<?> target = ClassUtils.isPresent(type, null) ? ClassUtils.resolveClassName(type, null) : null;
				if (target != null && !value.isEmpty() && this.conversion.canConvert(String.class, target)) {
					assertThat(this.conversion.convert(value, target))
						.as("example %d: %s=%s as %s", number, key, value, target.getSimpleName())
						.isNotNull();
				}
			});
			// the example's properties alone, not the JVM's or the environment's own
			Binder binder = new Binder(ConfigurationPropertySources.from(source),
					new PropertySourcesPlaceholdersResolver(environment));
			binder.bind("insprl", Bindable.of(InsprlProperties.class),
					new NoUnboundElementsBindHandler(BindHandler.DEFAULT));
		}
		assertThat(examples).as("properties and YAML examples in the README").isGreaterThanOrEqualTo(4);
	}

	private static PropertySource<?> properties(String example, int number) throws IOException {
		Properties properties = new Properties();
		properties.load(new StringReader(example));
		for (String name : properties.stringPropertyNames()) {
			assertThat(properties.getProperty(name)).as("example %d: %s holds no trailing comment", number, name)
				.doesNotContainPattern(TRAILING_COMMENT);
		}
		Map<String, Object> map = new LinkedHashMap<>();
		properties.forEach((key, value) -> map.put((String) key, value));
		return new MapPropertySource("example-" + number, map);
	}

	private static PropertySource<?> yaml(String example, int number) throws IOException {
		List<PropertySource<?>> documents = new YamlPropertySourceLoader().load("example-" + number,
				new ByteArrayResource(example.getBytes(StandardCharsets.UTF_8)));
		assertThat(documents).as("example %d is one YAML document", number).hasSize(1);
		return documents.get(0);
	}

	private static Map<String, Object> flatten(PropertySource<?> source) {
		Map<String, Object> values = new LinkedHashMap<>();
		if (source.getSource() instanceof Map<?, ?> map) {
			map.forEach((key, value) -> values.put(String.valueOf(key).replaceAll("\\[\\d+]$", ""), value));
		}
		return values;
	}

	/**
	 * Return the documented type of a key: its own, or that of the map it is an entry of
	 * ({@code spring.ssl.bundle.pem.<name>.*}, {@code logging.level.<logger>}), whose
	 * entries' own keys are then not checked further.
	 */
	private static String type(Map<String, String> documented, String key) {
		if (documented.containsKey(key)) {
			return documented.get(key);
		}
		for (int dot = key.lastIndexOf('.'); dot > 0; dot = key.lastIndexOf('.', dot - 1)) {
			String type = documented.get(key.substring(0, dot));
			if (type != null && type.startsWith("java.util.Map<")) {
				return "java.lang.Object";
			}
		}
		return null;
	}

	/**
	 * Return every property that the configuration metadata on the class path documents,
	 * with its type: Spring Boot's modules' and the starter's, and those of the libraries
	 * the README's examples name beyond the test class path (such as the actuator's).
	 */
	private static Map<String, String> documentedProperties() throws IOException {
		JsonMapper json = JsonMapper.builder().build();
		Map<String, String> documented = new HashMap<>();
		List<URL> files = new ArrayList<>();
		List<URL> libraries = new ArrayList<>();
		try (Stream<Path> jars = Files.list(Path.of(System.getProperty("readme.libraries")))) {
			for (Path jar : jars.filter((path) -> path.toString().endsWith(".jar")).toList()) {
				libraries.add(jar.toUri().toURL());
			}
		}
		try (URLClassLoader classLoader = new URLClassLoader(libraries.toArray(URL[]::new),
				ReadmePropertiesTests.class.getClassLoader())) {
			for (String name : List.of("META-INF/spring-configuration-metadata.json",
					"META-INF/additional-spring-configuration-metadata.json")) {
				files.addAll(Collections.list(classLoader.getResources(name)));
			}
			read(json, files, documented);
		}
		assertThat(documented).as("documented properties")
			.containsKeys("insprl.client-id", "spring.http.clients.imperative.factory", "spring.data.redis.host",
					"management.endpoints.web.exposure.include");
		return documented;
	}

	private static void read(JsonMapper json, List<URL> files, Map<String, String> documented) throws IOException {
		for (URL file : files) {
			try (InputStream in = file.openStream()) {
				JsonNode properties = json.readTree(in).path("properties");
				for (JsonNode property : properties) {
					documented.put(property.path("name").asString(), property.path("type").isMissingNode()
							? "java.lang.Object" : property.path("type").asString());
				}
			}
		}
	}

}
