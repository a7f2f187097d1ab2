package com.insprl.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.insprl.test.InsprlStub;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code insprl} actuator endpoint through the sample's web stack (demo mode, a
 * random port, the JDK's HTTP client): behind the operator's credentials, it shows the
 * account paused by a 429 and lifts the pause, and its JSON has the shape the README
 * documents.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class InsprlEndpointTests {

	private static final String PAUSED = "/actuator/insprl/" + InsprlStub.CLIENT_ID;

	@LocalServerPort
	int port;

	@Autowired
	InsprlStub insprl;

	private SampleHttp http;

	private SampleHttp operator;

	@BeforeEach
	void http() {
		this.http = new SampleHttp(this.port);
		this.operator = this.http.asOperator(DemoModeEnvironmentPostProcessor.DEMO_OPERATOR_PASSWORD);
	}

	@Test
	void theEndpointNeedsTheOperatorWhileHealthAndInfoAreOpen() throws Exception {
		assertThat(this.http.get("/actuator/insprl").status()).isEqualTo(401);
		assertThat(this.http.delete(PAUSED).status()).isEqualTo(401);
		assertThat(this.http.asOperator("wrong").get("/actuator/insprl").status()).isEqualTo(401);
		assertThat(this.http.get("/actuator/metrics").status()).isEqualTo(401);
		assertThat(this.http.get("/actuator/health").status()).isEqualTo(200);
		assertThat(this.http.get("/actuator/info").status()).isEqualTo(200);
		assertThat(this.operator.get("/actuator/insprl").status()).isEqualTo(200);
	}

	@Test
	void anAccountPausedByA429IsShownThenLiftedAndTheNextLogoutIsSent() throws Exception {
		assertThat(this.http.post("/instances/demo-rate-limited/logout").status()).isEqualTo(429);
		SampleHttp.Reply read = this.operator.get("/actuator/insprl");
		assertThat(read.status()).isEqualTo(200);
		assertThat(read.contentType()).contains("json");
		JsonNode pause = read.body().at("/pauses/accounts/0");
		assertThat(pause.get("clientId").asString()).isEqualTo(InsprlStub.CLIENT_ID);
		assertThat(pause.get("reason").asString()).isEqualTo("Retry-After 30s (HTTP 429, code 129)");
		assertThat(pause.get("remainingSeconds").asLong()).isBetween(1L, 30L);
		assertThat(read.body().at("/pauses/more").asBoolean()).isFalse();
		JsonNode failure = read.body().at("/operations/whatsapp.instance.logout/lastFailures/0");
		assertThat(failure.get("outcome").asString()).isEqualTo("rate_limited");
		assertThat(failure.get("code").asInt()).isEqualTo(129);
		assertThat(read.body().at("/rateLimit/store").asString()).isEqualTo("none");
		assertThat(read.body().at("/configuration/clientLibrary").asString()).isEqualTo("jdk");
		assertThat(read.text()).doesNotContain(InsprlStub.CLIENT_KEY);
		int sent = this.insprl.requests().size();
		assertThat(this.http.post("/logout").status()).as("refused while paused").isEqualTo(429);
		assertThat(this.insprl.requests()).as("nothing sent while paused").hasSize(sent);
		SampleHttp.Reply lifted = this.operator.delete(PAUSED);
		assertThat(lifted.status()).isEqualTo(200);
		assertThat(lifted.body().get("clientId").asString()).isEqualTo(InsprlStub.CLIENT_ID);
		assertThat(lifted.body().get("lifted").asBoolean()).isTrue();
		assertThat(this.operator.delete(PAUSED).status()).as("no longer paused").isEqualTo(404);
		assertThat(this.operator.delete("/actuator/insprl/never-paused").status()).isEqualTo(404);
		assertThat(this.http.post("/logout").status()).isEqualTo(200);
		assertThat(this.insprl.requests()).hasSize(sent + 1);
		assertThat(this.operator.get("/actuator/insprl").body().at("/pauses/accounts").isEmpty()).isTrue();
	}

	/**
	 * The README's example of the endpoint's output has the fields the endpoint answers
	 * with, no more and no fewer, after the same steps: a logout that meets a 429.
	 */
	@Test
	void theEndpointsJsonHasTheShapeTheReadmeDocuments() throws Exception {
		this.http.post("/instances/demo-rate-limited/logout");
		JsonNode actual = this.operator.get("/actuator/insprl").body();
		JsonNode documented = readmeExample();
		assertThat(paths(actual, "")).isEqualTo(paths(documented, ""));
		this.operator.delete(PAUSED);
	}

	/**
	 * The README's example of securing the endpoint is the sample's own configuration,
	 * which the tests above exercise (comments aside).
	 */
	@Test
	void theReadmesSecurityExampleIsTheSamplesOwnConfiguration() throws IOException {
		String readme = Files.readString(Path.of("..", "docs", "operations.md"));
		int at = readme.lastIndexOf("```java", readme.indexOf("class ActuatorSecurityConfiguration"));
		assertThat(at).as("the README shows how to secure the endpoint").isPositive();
		String example = readme.substring(at + "```java".length(), readme.indexOf("```", at + 7));
		String source = Files.readString(Path.of("src/main/java/com/insprl/sample/ActuatorSecurityConfiguration.java"));
		assertThat(code(example)).isEqualTo(code(source));
	}

	/**
	 * Return the code of a Java source, without its package, imports, comments and white
	 * space.
	 */
	private static String code(String source) {
		return source.replaceAll("(?s)/\\*.*?\\*/", "")
			.replaceAll("//[^\\n]*", "")
			.replaceAll("(?m)^(package|import) .*$", "")
			.replaceAll("\\s+", "");
	}

	private static JsonNode readmeExample() throws IOException {
		String readme = Files.readString(Path.of("..", "docs", "operations.md"));
		String marker = "GET /actuator/insprl";
		int at = readme.indexOf("```json", readme.indexOf(marker));
		assertThat(readme.indexOf(marker)).as("the README shows the endpoint's output").isPositive();
		String block = readme.substring(at + "```json".length(), readme.indexOf("```", at + 7));
		return JsonMapper.builder().build().readTree(block);
	}

	/**
	 * Return every field's path, an array's elements under {@code []}.
	 */
	private static Set<String> paths(JsonNode node, String path) {
		Set<String> paths = new TreeSet<>();
		if (node.isObject()) {
			for (Map.Entry<String, JsonNode> field : node.properties()) {
				String child = path + "/" + field.getKey();
				paths.add(child);
				paths.addAll(paths(field.getValue(), child));
			}
		}
		else if (node.isArray()) {
			Iterator<JsonNode> elements = node.values().iterator();
			while (elements.hasNext()) {
				paths.addAll(paths(elements.next(), path + "[]"));
			}
		}
		return paths;
	}

}
