package com.insprl.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;

import com.insprl.actuate.internal.InsprlEndpoint;
import com.insprl.client.InsprlRateLimitException;
import com.insprl.health.internal.InsprlHealthIndicator;
import com.insprl.ratelimit.internal.FailoverRateLimiter;
import com.insprl.testing.RecordingStub;
import com.insprl.testing.RecordingStub.Arrival;
import com.insprl.testing.RecordingStub.Reply;
import com.insprl.testing.TestAccount;
import com.insprl.whatsapp.InsprlWhatsAppService;
import org.awaitility.Awaitility;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What the shared rate limit's tests do with two replicas, whatever Redis they share:
 * callers on both, a pause seen by one, and the budget checked at the stub.
 */
final class ReplicaScenarios {

	private ReplicaScenarios() {
	}

	/**
	 * Run callers on two replicas, alternately, each making logouts while it is told to.
	 * @param first one replica
	 * @param second the other
	 * @param threads the callers in all
	 * @param more whether a caller makes another call, given how many it has made
	 * @return the calls made, and when the callers started
	 * @throws Exception if a call fails
	 */
	static Calls callFromBoth(AssertableApplicationContext first, AssertableApplicationContext second, int threads,
			IntPredicate more) throws Exception {
		ExecutorService callers = Executors.newFixedThreadPool(threads);
		long started = System.nanoTime();
		try {
			List<Future<Integer>> calls = new ArrayList<>();
			for (int thread = 0; thread < threads; thread++) {
				InsprlWhatsAppService service = ((thread % 2 == 0) ? first : second)
					.getBean(InsprlWhatsAppService.class);
				calls.add(callers.submit(() -> {
					int made = 0;
					while (more.test(made)) {
						service.logout("instance-" + made);
						made++;
					}
					return made;
				}));
			}
			int made = 0;
			for (Future<Integer> call : calls) {
				made += call.get(120, TimeUnit.SECONDS);
			}
			return new Calls(made, started);
		}
		finally {
			callers.shutdown();
		}
	}

	/**
	 * Assert that by each arrival the stub had seen no more than the burst and the rate
	 * since the callers started, plus a slack for requests on their way. No permit is
	 * given before the callers start, and a request arrives after its permit, so a busy
	 * machine that delays the callers or the stub cannot make the bound fail; without the
	 * shared limit, the requests would arrive far faster than the rate.
	 * @param stub the stub
	 * @param calls the calls made
	 * @param rate the requests per second
	 * @param burst the burst
	 * @param slack the requests on their way or late by scheduling
	 */
	static void assertWithinBudget(RecordingStub stub, Calls calls, double rate, int burst, int slack) {
		List<Arrival> arrivals = new ArrayList<>(stub.requests());
		arrivals.sort(Comparator.comparingLong(Arrival::nanos));
		for (int k = 1; k <= arrivals.size(); k++) {
			double seconds = (arrivals.get(k - 1).nanos() - calls.started()) / 1e9;
			assertThat((double) k).as("requests by %.3f s", seconds)
				.isLessThanOrEqualTo(burst + rate * seconds + slack);
		}
	}

	/**
	 * A stub that answers the first logout of instance {@code limited} with a 429 and
	 * {@code Retry-After: 2}, and every logout after 100 ms.
	 * @return the stub
	 * @throws Exception if it cannot start
	 */
	static RecordingStub limitingStub() throws Exception {
		AtomicInteger limited = new AtomicInteger();
		return new RecordingStub(Duration.ofMillis(100),
				(id) -> (id.equals("limited") && limited.getAndIncrement() == 0)
						? new Reply(429, "{\"code\":129,\"message\":\"DAILY_LIMIT_REACHED\"}", "2") : Reply.ok());
	}

	/**
	 * One replica meets a 429 with {@code Retry-After: 2} from the
	 * {@link #limitingStub()}, answered at once, while the other sends one logout after
	 * another, each answered in 100 ms (about 19 in two seconds if nothing stopped it).
	 * Only a request whose permit was taken before the pause was stored may still arrive
	 * (one on its way, one more at most if storing the pause is slow); then the other
	 * replica sends nothing until the two seconds have passed. Counting requests, not
	 * timing them, keeps a slow machine from failing it.
	 * @param replica the replicas' configuration
	 * @param stub the limiting stub
	 */
	static void assertARetryAfterSeenByOnePausesTheOther(ApplicationContextRunner replica, RecordingStub stub) {
		replica.run((first) -> replica.run((second) -> {
			InsprlWhatsAppService other = second.getBean(InsprlWhatsAppService.class);
			AtomicBoolean stop = new AtomicBoolean();
			ExecutorService background = Executors.newSingleThreadExecutor();
			Future<?> otherCalls = background.submit(() -> {
				while (!stop.get()) {
					other.logout("other");
				}
			});
			Thread.sleep(300);
			assertThat(first.getBean(InsprlWhatsAppService.class).logout("limited").code()).isEqualTo(100);
			Thread.sleep(300);
			stop.set(true);
			otherCalls.get(30, TimeUnit.SECONDS);
			background.shutdown();
		}));
		Arrival limitedAt = stub.requests()
			.stream()
			.filter((arrival) -> arrival.status() == 429)
			.findFirst()
			.orElseThrow();
		List<Duration> others = stub.requests()
			.stream()
			.filter((arrival) -> arrival.instanceId().equals("other") && arrival.nanos() > limitedAt.nanos())
			.map((arrival) -> Duration.ofNanos(arrival.nanos() - limitedAt.nanos()))
			.toList();
		assertThat(others).as("the other replica's requests after the 429, from it")
			.anySatisfy((wait) -> assertThat(wait).isGreaterThanOrEqualTo(Duration.ofMillis(1950)))
			.filteredOn((wait) -> wait.compareTo(Duration.ofMillis(1950)) < 0)
			.hasSizeLessThanOrEqualTo(2);
	}

	/**
	 * Return one replica of an application whose rate limit is shared through Redis, with
	 * the test account, calling the stub: the starter's auto-configurations beside Spring
	 * Boot's Redis and HTTP client ones.
	 * @param stub the stub the replica calls
	 * @param properties where Redis is ({@code spring.data.redis.*}), and the test's own
	 * @return the replica's configuration
	 */
	static ApplicationContextRunner replica(RecordingStub stub, String... properties) {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class,
					HttpClientAutoConfiguration.class, ImperativeHttpClientAutoConfiguration.class,
					RestClientAutoConfiguration.class, InsprlAutoConfiguration.class))
			.withPropertyValues(TestAccount.properties())
			.withPropertyValues("insprl.base-url=" + stub.baseUrl(), "insprl.rate-limit.enabled=true",
					"insprl.rate-limit.store=redis")
			.withPropertyValues(properties);
	}

	/**
	 * The stub of {@link #assertAPauseShowsOnEveryReplicaAndIsLiftedForAll}: instance
	 * {@code limited} meets insprl's daily limit, every other logout succeeds.
	 * @return the stub
	 * @throws Exception if it cannot start
	 */
	static RecordingStub dailyLimitStub() throws Exception {
		return new RecordingStub(Duration.ZERO, (id) -> id.equals("limited")
				? new Reply(429, "{\"code\":129,\"message\":\"DAILY_LIMIT_REACHED\"}", null) : Reply.ok());
	}

	/**
	 * One replica meets insprl's daily limit; the other replica's {@code insprl} endpoint
	 * shows the pause, with why, and lifts it; the first replica's next call is sent. A
	 * second lift finds nothing to lift.
	 * @param replica the replicas' configuration, with the endpoint exposed
	 * @param stub the {@link #dailyLimitStub()}
	 */
	static void assertAPauseShowsOnEveryReplicaAndIsLiftedForAll(ApplicationContextRunner replica, RecordingStub stub) {
		replica.run((first) -> replica.run((second) -> {
			InsprlWhatsAppService paused = first.getBean(InsprlWhatsAppService.class);
			assertThatExceptionOfType(InsprlRateLimitException.class).isThrownBy(() -> paused.logout("limited"))
				.satisfies((ex) -> assertThat(ex.isUsageLimit()).isTrue());
			assertThatExceptionOfType(InsprlRateLimitException.class).isThrownBy(() -> paused.logout("after"))
				.satisfies((ex) -> assertThat(ex.isRefusedByClient()).isTrue());
			InsprlEndpoint other = second.getBean(InsprlEndpoint.class);
			assertThat(other.insprl().pauses().accounts()).singleElement().satisfies((pause) -> {
				assertThat(pause.clientId()).isEqualTo("client-42");
				assertThat(pause.reason()).isEqualTo("usage limit DAILY_LIMIT_REACHED (HTTP 429, code 129)");
				assertThat(pause.remainingSeconds()).isBetween(240L, 300L);
			});
			assertThat(other.liftPause("client-42")).isNotNull();
			assertThat(other.liftPause("client-42")).as("nothing left to lift").isNull();
			assertThat(first.getBean(InsprlEndpoint.class).insprl().pauses().accounts()).isEmpty();
			assertThat(paused.logout("after").code()).isEqualTo(100);
		}));
		assertThat(stub.requests()).extracting(Arrival::instanceId).containsExactly("limited", "after");
	}

	/**
	 * Call until the rate limit shares its store again. A store found unreachable is
	 * asked again at most every {@link FailoverRateLimiter#RETRY_INTERVAL}, so this takes
	 * that long at least; calls that fail meanwhile (failing closed) are tried again.
	 * @param service the replica's service
	 * @param health the replica's health indicator
	 */
	static void awaitShared(InsprlWhatsAppService service, InsprlHealthIndicator health) {
		Awaitility.await()
			.atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(200))
			.ignoreExceptions()
			.untilAsserted(() -> {
				assertThat(service.logout("after").code()).isEqualTo(100);
				assertThat(health.health(true).getDetails().get("rateLimit").toString()).contains("state=shared");
			});
	}

	/**
	 * The calls made from both replicas.
	 *
	 * @param made how many
	 * @param started when the callers started, in {@link System#nanoTime()} terms
	 */
	record Calls(int made, long started) {

	}

}
