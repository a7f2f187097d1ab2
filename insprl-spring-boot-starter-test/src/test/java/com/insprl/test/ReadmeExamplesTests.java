package com.insprl.test;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Compiles every Java example of the README against the starter, the test starter and the
 * libraries they name, so that an example that no longer matches the API fails the build.
 * <p>
 * An example that declares classes is compiled as it is; one that declares a bean method
 * is compiled inside a configuration class; one made of statements is compiled inside a
 * method whose parameters are the variables the README's text introduces (the service, an
 * instance id, a customer's account). Each gets the imports a user would write.
 */
class ReadmeExamplesTests {

	private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);

	private static final String IMPORTS = """
			package readme;

			import java.net.InetSocketAddress;
			import java.net.ProxySelector;
			import java.time.Duration;
			import java.util.List;
			import java.util.function.Function;

			import com.insprl.autoconfigure.InsprlConnectionDetails;
			import com.insprl.client.*;
			import com.insprl.email.*;
			import com.insprl.test.*;
			import com.insprl.whatsapp.*;
			import com.insprl.whatsapp.campaign.*;
			import org.junit.jupiter.api.Test;
			import org.slf4j.Logger;
			import org.slf4j.LoggerFactory;
			import reactor.core.publisher.Mono;
			import reactor.core.scheduler.Schedulers;
			import tools.jackson.databind.JsonNode;

			import org.springframework.beans.factory.annotation.Autowired;
			import org.springframework.beans.factory.annotation.Qualifier;
			import org.springframework.boot.actuate.info.InfoEndpoint;
			import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
			import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
			import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
			import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
			import org.springframework.boot.http.client.HttpComponentsClientHttpRequestFactoryBuilder;
			import org.springframework.boot.http.client.autoconfigure.ClientHttpRequestFactoryBuilderCustomizer;
			import org.springframework.boot.restclient.test.autoconfigure.AutoConfigureMockRestServiceServer;
			import org.springframework.boot.test.context.SpringBootTest;
			import org.springframework.context.annotation.Bean;
			import org.springframework.context.annotation.Configuration;
			import org.springframework.http.MediaType;
			import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
			import org.springframework.security.config.Customizer;
			import org.springframework.security.config.annotation.web.builders.HttpSecurity;
			import org.springframework.security.config.http.SessionCreationPolicy;
			import org.springframework.security.web.SecurityFilterChain;
			import org.springframework.stereotype.Service;
			import org.springframework.web.bind.annotation.PathVariable;
			import org.springframework.web.bind.annotation.PostMapping;
			import org.springframework.web.bind.annotation.RestController;
			import org.springframework.test.web.client.MockRestServiceServer;

			import static org.assertj.core.api.Assertions.assertThat;
			import static org.springframework.test.web.client.match.MockRestRequestMatchers.requestTo;
			import static org.springframework.test.web.client.response.MockRestResponseCreators.withSuccess;

			""";

	/** The variables the README's text introduces before its statement examples. */
	private static final String CONTEXT = "InsprlWhatsAppService whatsApp, InsprlWhatsAppService customer, "
			+ "String instanceId, List<String> instanceIds, InsprlCallOptions nightly, CustomerAccount account, "
			+ "Logger log";

	@Test
	void everyJavaExampleCompiles(@TempDir Path output) throws IOException {
		String readme = UserDocs.read();
		List<JavaFileObject> sources = new ArrayList<>();
		sources.add(source("CustomerAccount",
				IMPORTS + "record CustomerAccount(String clientId, String clientKey) {\n}\n"));
		Matcher block = JAVA_BLOCK.matcher(readme);
		int examples = 0;
		while (block.find()) {
			examples++;
			sources.add(source("Example" + examples, IMPORTS + unit(block.group(1), examples)));
		}
		assertThat(examples).as("Java examples in the README").isGreaterThanOrEqualTo(8);
		JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
		DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
		StringWriter out = new StringWriter();
		try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
			List<String> options = List.of("-proc:none", "-d", output.toString(), "-classpath", classPath());
			boolean compiled = compiler.getTask(out, files, diagnostics, options, null, sources).call();
			assertThat(compiled).as("README examples compile:%n%s%s", out, diagnostics.getDiagnostics()).isTrue();
		}
	}

	/**
	 * Return the tests' class path, and the jars of the libraries that an example names
	 * but the tests do not carry (Apache HttpClient, which Spring Boot would otherwise
	 * pick for the tests' clients), where the build provides them.
	 */
	private static String classPath() throws IOException {
		List<String> entries = new ArrayList<>(List.of(System.getProperty("java.class.path")));
		String libraries = System.getProperty("readme.libraries");
		if (libraries != null && Files.isDirectory(Path.of(libraries))) {
			try (Stream<Path> jars = Files.list(Path.of(libraries))) {
				jars.map(Path::toString).forEach(entries::add);
			}
		}
		return String.join(File.pathSeparator, entries);
	}

	private static String unit(String example, int number) {
		String name = "Example" + number;
		if (example.contains("class ")) {
			// classes as written, and an empty type the file is named after
			return example + "\nclass " + name + " {\n}\n";
		}
		if (example.startsWith("@Bean")) {
			return "@Configuration\nclass " + name + " {\n\n" + example + "\n}\n";
		}
		return "class " + name + " {\n\n\tvoid run(" + context(example) + ") throws Exception {\n" + example
				+ "\n\t}\n\n}\n";
	}

	/**
	 * Return the parameters for a statement example: the README's variables, less those
	 * the example declares itself.
	 */
	private static String context(String example) {
		List<String> parameters = new ArrayList<>();
		for (String parameter : CONTEXT.split(", ")) {
			String name = parameter.substring(parameter.lastIndexOf(' ') + 1);
			if (!Pattern.compile("\\w " + name + " =").matcher(example).find()) {
				parameters.add(parameter);
			}
		}
		return String.join(", ", parameters);
	}

	private static JavaFileObject source(String name, String code) {
		return new SimpleJavaFileObject(URI.create("string:///readme/" + name + ".java"), JavaFileObject.Kind.SOURCE) {

			@Override
			public CharSequence getCharContent(boolean ignoreEncodingErrors) {
				return code;
			}

		};
	}

}
