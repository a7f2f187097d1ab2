package com.insprl.autoconfigure;

import com.insprl.ratelimit.InsprlRateLimiter;
import com.insprl.testing.TestAccount;
import io.lettuce.core.RedisURI;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.ClusterTopologyRefreshOptions;
import io.lettuce.core.cluster.RedisClusterClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Isolated;

import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A limit shared through a Redis Cluster whose client refreshes no topology (Spring
 * Boot's default Lettuce settings) warns once at start-up, saying which settings bring
 * the shared limit back after a failover; with either refresh on, or a standalone Redis,
 * it does not. Nothing is listening: the connection is opened in the background and
 * fails, as it may.
 */
@ExtendWith(OutputCaptureExtension.class)
@Isolated("reads all that is logged")
class RedisClusterTopologyWarningTests {

	private static final String WARNING = "whose client never refreshes its topology";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class, HttpClientAutoConfiguration.class,
				ImperativeHttpClientAutoConfiguration.class, RestClientAutoConfiguration.class,
				InsprlAutoConfiguration.class))
		.withPropertyValues(TestAccount.properties())
		.withPropertyValues("insprl.rate-limit.enabled=true", "insprl.rate-limit.requests-per-second=5",
				"insprl.rate-limit.store=redis");

	@Test
	void aClusterClientThatRefreshesNoTopologyWarnsOnceNamingTheSettings(CapturedOutput output) {
		// Lettuce 7 (Spring Boot 4.1) refreshes on every adaptive trigger unless told not
		// to, with a method Lettuce 6 does not have
		assumeTrue(ClusterTopologyRefreshOptions.builder().build().getAdaptiveRefreshTriggers().isEmpty(),
				"this Lettuce's options refresh the topology by default");
		RedisClusterClient client = RedisClusterClient.create(RedisURI.create("127.0.0.1", 1));
		try {
			client.setOptions(ClusterClientOptions.builder()
				.topologyRefreshOptions(ClusterTopologyRefreshOptions.builder().build())
				.build());
			RedisRateLimiters.warnIfClusterTopologyIsNeverRefreshed(client);
			assertThat(output.getOut().split(WARNING, -1)).as("warnings").hasSize(2);
			assertThat(output).contains("spring.data.redis.lettuce.cluster.refresh.adaptive=true")
				.contains("spring.data.redis.lettuce.cluster.refresh.period=1s");
			client.setOptions(ClusterClientOptions.builder()
				.topologyRefreshOptions(
						ClusterTopologyRefreshOptions.builder().enableAllAdaptiveRefreshTriggers().build())
				.build());
			RedisRateLimiters.warnIfClusterTopologyIsNeverRefreshed(client);
			assertThat(output.getOut().split(WARNING, -1)).as("no more warnings with adaptive refresh").hasSize(2);
		}
		finally {
			client.shutdown();
		}
	}

	/**
	 * Spring Boot 4.0's Lettuce client refreshes no cluster topology unless told to;
	 * Spring Boot 4.1's turns every adaptive trigger on.
	 */
	@Test
	void springBootsDefaultClusterClientWarnsOnSpringBoot40Only(CapturedOutput output) {
		boolean refreshesByDefault = !SpringBootVersion.getVersion().startsWith("4.0.");
		this.contextRunner.withPropertyValues("spring.data.redis.cluster.nodes=127.0.0.1:1").run((context) -> {
			assertThat(context).hasSingleBean(InsprlRateLimiter.class);
			assertThat(output.getOut().contains(WARNING)).as("warned on Spring Boot %s", SpringBootVersion.getVersion())
				.isEqualTo(!refreshesByDefault);
		});
	}

	@Test
	void aClusterWithAdaptiveOrPeriodicRefreshDoesNotWarn(CapturedOutput output) {
		for (String refresh : new String[] { "spring.data.redis.lettuce.cluster.refresh.adaptive=true",
				"spring.data.redis.lettuce.cluster.refresh.period=1s" }) {
			this.contextRunner.withPropertyValues("spring.data.redis.cluster.nodes=127.0.0.1:1", refresh)
				.run((context) -> assertThat(context).hasSingleBean(InsprlRateLimiter.class));
		}
		assertThat(output).doesNotContain(WARNING);
	}

	@Test
	void aStandaloneRedisDoesNotWarn(CapturedOutput output) {
		this.contextRunner.withPropertyValues("spring.data.redis.port=1")
			.run((context) -> assertThat(context).hasSingleBean(InsprlRateLimiter.class));
		assertThat(output).doesNotContain(WARNING);
	}

}
