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

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the packaged sample jar as users run it, {@code java -jar}, with no
 * {@code INSPRL_*} variables: it starts in demo mode and answers the logout and health
 * calls, with and without Spring AOT's generated code.
 */
class SampleJarIT {

	private static final Duration STARTUP = Duration.ofSeconds(90);

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	@ParameterizedTest(name = "spring.aot.enabled={0}")
	@ValueSource(booleans = { false, true })
	void jarStartsInDemoModeAndAnswers(boolean aot) throws Exception {
		Path jar = Path.of(System.getProperty("sample.jar"));
		assertThat(jar).as("the packaged jar").exists();
		int port = freePort();
		Path output = Files.createTempFile("sample-jar", ".log");
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
		if (aot) {
			command.add("-Dspring.aot.enabled=true");
		}
		command.addAll(List.of("-jar", jar.toString(), "--server.port=" + port));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
		builder.environment().keySet().removeIf((name) -> name.startsWith("INSPRL_"));
		Process process = builder.start();
		try {
			awaitHealth(process, port, output);
			HttpResponse<String> logout = send(
					HttpRequest.newBuilder(uri(port, "/logout")).POST(HttpRequest.BodyPublishers.noBody()));
			assertThat(logout.statusCode()).isEqualTo(200);
			assertThat(logout.body()).contains("\"code\":100").contains("Logout request sent to WhatsApp");
			HttpResponse<String> rejected = send(
					HttpRequest.newBuilder(uri(port, "/instances/demo-unauthorized/logout"))
						.POST(HttpRequest.BodyPublishers.noBody()));
			assertThat(rejected.statusCode()).isEqualTo(401);
			HttpResponse<String> health = send(HttpRequest.newBuilder(uri(port, "/actuator/health/insprl")).GET());
			assertThat(health.statusCode()).isIn(200, 503);
			assertThat(health.body()).contains("\"baseUrl\":\"http://127.0.0.1:");
			String log = Files.readString(output);
			assertThat(log).contains("DEMO MODE").doesNotContain("NoSuchFileException");
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
