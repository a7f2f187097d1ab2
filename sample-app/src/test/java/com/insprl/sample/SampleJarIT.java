package com.insprl.sample;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import com.insprl.test.InsprlStub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the packaged sample jar as users run it in production, {@code java -jar}, with its
 * credentials in {@code INSPRL_*} variables (here those of a stand-in for insprl on
 * loopback), with and without Spring AOT's generated code; and checks that the jar
 * carries no test code: demo mode, the stand-in and WireMock live on the test class path
 * only.
 */
class SampleJarIT {

	private static final Duration STARTUP = Duration.ofSeconds(90);

	private static final List<String> TEST_LIBRARIES = List.of("insprl-spring-boot-starter-test", "wiremock",
			"spring-test", "spring-boot-test", "junit", "assertj", "mockito");

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	@Test
	void theJarCarriesNoTestCode() throws IOException {
		try (JarFile jar = new JarFile(jar().toFile())) {
			List<String> entries = jar.stream().map(JarEntry::getName).toList();
			assertThat(entries).as("the jar's libraries")
				.filteredOn((entry) -> entry.startsWith("BOOT-INF/lib/"))
				.isNotEmpty()
				.noneMatch((entry) -> TEST_LIBRARIES.stream()
					.anyMatch((name) -> entry.startsWith("BOOT-INF/lib/" + name)));
			assertThat(entries).as("the jar's classes")
				.noneMatch((entry) -> entry.contains("DemoMode") || entry.contains("TestSampleApplication"));
		}
	}

	@ParameterizedTest(name = "spring.aot.enabled={0}")
	@ValueSource(booleans = { false, true })
	void jarStartsWithItsCredentialsFromTheEnvironmentAndAnswers(boolean aot, @TempDir Path folder) throws Exception {
		Path jar = jar();
		int port = freePort();
		Path output = folder.resolve("sample-jar.log");
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
		if (aot) {
			command.add("-Dspring.aot.enabled=true");
		}
		command.addAll(List.of("-jar", jar.toString(), "--server.port=" + port,
				"--server.tomcat.basedir=" + folder.resolve("tomcat")));
		try (InsprlStub insprl = InsprlStub.start()) {
			insprl.logout("unauthorized-phone").rejectsCredentials();
			ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(output.toFile());
			builder.environment().keySet().removeIf((name) -> name.startsWith("INSPRL_"));
			builder.environment().put("INSPRL_BASE_URL", insprl.baseUrl());
			builder.environment().put("INSPRL_CLIENT_ID", InsprlStub.CLIENT_ID);
			builder.environment().put("INSPRL_CLIENT_KEY", InsprlStub.CLIENT_KEY);
			builder.environment().put("INSPRL_WHATSAPP_INSTANCE_ID", "team-phone-7");
			Process process = builder.start();
			try {
				awaitHealth(process, port, output);
				HttpResponse<String> logout = send(
						HttpRequest.newBuilder(uri(port, "/logout")).POST(HttpRequest.BodyPublishers.noBody()));
				assertThat(logout.statusCode()).isEqualTo(200);
				assertThat(logout.body()).contains("\"code\":100").contains("Logout request sent to WhatsApp");
				assertThat(insprl.loggedOutInstances()).containsExactly("team-phone-7");
				HttpResponse<String> rejected = send(
						HttpRequest.newBuilder(uri(port, "/instances/unauthorized-phone/logout"))
							.POST(HttpRequest.BodyPublishers.noBody()));
				assertThat(rejected.statusCode()).isEqualTo(401);
				HttpResponse<String> health = send(HttpRequest.newBuilder(uri(port, "/actuator/health/insprl")).GET());
				assertThat(health.statusCode()).isIn(200, 503);
				assertThat(health.body()).contains("\"baseUrl\":\"http://127.0.0.1:");
				String log = Files.readString(output);
				assertThat(log).doesNotContain("DEMO MODE")
					.doesNotContain("NoSuchFileException")
					.doesNotContain(InsprlStub.CLIENT_KEY);
				if (aot) {
					assertThat(log).contains("Starting AOT-processed SampleApplication");
				}
			}
			finally {
				process.destroy();
				if (!process.waitFor(30, TimeUnit.SECONDS)) {
					process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
				}
			}
		}
	}

	private static Path jar() {
		Path jar = Path.of(System.getProperty("sample.jar"));
		assertThat(jar).as("the packaged jar").exists();
		return jar;
	}

	private void awaitHealth(Process process, int port, Path output) throws Exception {
		long deadline = System.nanoTime() + STARTUP.toNanos();
		while (System.nanoTime() < deadline) {
			assertThat(process.isAlive()).as("the jar is running:%n%s", Files.readString(output)).isTrue();
			try {
				if (send(HttpRequest.newBuilder(uri(port, "/actuator/health")).GET()).statusCode() > 0) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(250);
		}
		throw new AssertionError("the jar did not start within " + STARTUP + ":\n" + Files.readString(output));
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
		return this.http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
	}

	private static URI uri(int port, String path) {
		return URI.create("http://127.0.0.1:" + port + path);
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

}
