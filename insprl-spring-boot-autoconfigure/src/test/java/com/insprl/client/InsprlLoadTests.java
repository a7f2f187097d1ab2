package com.insprl.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.insprl.http.InsprlHttpTransport;
import com.insprl.testing.LoopbackConnections;
import com.insprl.testing.Transports;
import com.insprl.whatsapp.InsprlWhatsAppService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.Isolated;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.serviceUnavailable;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * 50 threads x 200 logouts through one service bean, against a stub on loopback that
 * answers with mixed outcomes: every call ends in a result or an {@link InsprlException},
 * the stub saw exactly the attempts the calls report, and no thread or connection is left
 * behind.
 * <p>
 * Nothing here races: the callers' threads are joined before anything is counted, the
 * client's own threads are told apart by name (the stub's come and go as it pleases), and
 * connections are counted against a bound the pool cannot exceed.
 */
@Isolated("lists every insprl thread in the JVM")
class InsprlLoadTests {

	static final int THREADS = 50;

	static final int CALLS_PER_THREAD = 200;

	static final String PATH = "/api/whatsapp/instance/logout";

	static final String[] KINDS = { "ok", "auth", "invalid", "busy", "outage" };

	@RegisterExtension
	static WireMockExtension insprl = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").containerThreads(THREADS + 10))
		.build();

	private final AtomicLong listenerAttempts = new AtomicLong();

	@Test
	void manyThreadsGetAnAnswerForEveryCallAndLeakNothing() throws Exception {
		stubMixedOutcomes();
		InsprlHttpTransport transport = Transports.detect();
		InsprlWhatsAppService service = new InsprlWhatsAppService(client(transport), null);
		service.logout("ok-warmup");
		Tally first = run(service, 0);
		List<String> threadsAfterFirst = clientThreads();
		int connectionsAfterFirst = LoopbackConnections.establishedTo(insprl.getPort());
		Tally second = run(service, 1);
		List<String> threadsAfterSecond = clientThreads();
		int connectionsAfterSecond = LoopbackConnections.establishedTo(insprl.getPort());
		transport.close();

		long calls = first.results + first.failures + second.results + second.failures;
		assertThat(first.unexpected + second.unexpected).as("calls that ended outside InsprlException").isZero();
		assertThat(calls).isEqualTo((long) THREADS * CALLS_PER_THREAD);
		long attempts = 1 + first.results + first.failureAttempts + second.results + second.failureAttempts;
		assertThat(insprl.findAll(postRequestedFor(urlEqualTo(PATH)))).hasSize((int) attempts);
		assertThat(this.listenerAttempts.get()).isEqualTo(attempts);
		long callsPerKind = calls / KINDS.length;
		assertThat(first.results + second.results).isEqualTo(callsPerKind);
		assertThat(first.failureAttempts + second.failureAttempts)
			.as("auth, invalid and outage calls made 1 attempt each, busy calls 3")
			.isEqualTo(3 * callsPerKind * 1 + callsPerKind * 3);
		System.out.printf("insprl load: %d calls, %d requests, client threads %s -> %s, connections %d -> %d%n", calls,
				attempts, threadsAfterFirst, threadsAfterSecond, connectionsAfterFirst, connectionsAfterSecond);

		assertThat(threadsAfterSecond).as("the client's threads after the second half, as after the first")
			.isEqualTo(threadsAfterFirst)
			.hasSizeLessThanOrEqualTo(2);
		if (connectionsAfterFirst >= 0) {
			assertThat(connectionsAfterFirst).as("open connections to the stub").isLessThanOrEqualTo(THREADS + 5);
			assertThat(connectionsAfterSecond).isLessThanOrEqualTo(THREADS + 5);
		}
	}

	private void stubMixedOutcomes() {
		insprl.stubFor(post(PATH).withRequestBody(matching(".*instance_id=ok-.*"))
			.willReturn(okJson(
					"{\"code\":\"100\",\"message\":\"success\",\"result\":\"Logout request sent to WhatsApp\"}")));
		insprl.stubFor(post(PATH).withRequestBody(matching(".*instance_id=auth-.*"))
			.willReturn(okJson("{\"code\":\"101\",\"message\":\"Invalid Authorization Key\"}")));
		insprl.stubFor(post(PATH).withRequestBody(matching(".*instance_id=invalid-.*"))
			.willReturn(okJson("{\"code\":\"102\",\"message\":{\"instance_id\":[\"invalid\"]}}")));
		insprl.stubFor(post(PATH).withRequestBody(matching(".*instance_id=busy-.*")).willReturn(serviceUnavailable()));
		insprl.stubFor(post(PATH).withRequestBody(matching(".*instance_id=outage-.*"))
			.willReturn(aResponse().withHeader("Content-Type", "text/html").withBody("<html>Oops!</html>")));
	}

	private InsprlClient client(InsprlHttpTransport transport) {
		return InsprlClient.builder()
			.transport(transport)
			.timeouts(Duration.ofSeconds(2), Duration.ofSeconds(10))
			.baseUrl(insprl.baseUrl() + "/api")
			.credentials(new InsprlCredentials("client-42", "load-key"))
			.maxAttempts(3)
			.backoff(Duration.ofMillis(1), Duration.ofMillis(2), 2.0)
			.listener((event) -> this.listenerAttempts.addAndGet(event.attempts()))
			.build();
	}

	private Tally run(InsprlWhatsAppService service, int half) throws Exception {
		List<Thread> callers = new CopyOnWriteArrayList<>();
		ExecutorService pool = Executors.newFixedThreadPool(THREADS, (task) -> {
			Thread thread = new Thread(task, "load-caller");
			callers.add(thread);
			return thread;
		});
		List<Future<Tally>> futures = new ArrayList<>();
		for (int t = 0; t < THREADS; t++) {
			int thread = t;
			futures.add(pool.submit(() -> {
				Tally tally = new Tally();
				for (int i = half * CALLS_PER_THREAD / 2; i < (half + 1) * CALLS_PER_THREAD / 2; i++) {
					String kind = KINDS[(thread * CALLS_PER_THREAD + i) % KINDS.length];
					try {
						service.logout(kind + "-" + thread + "-" + i);
						tally.results++;
					}
					catch (InsprlException ex) {
						tally.failures++;
						tally.failureAttempts += ex.getAttempts();
					}
					catch (Throwable ex) {
						tally.unexpected++;
					}
				}
				return tally;
			}));
		}
		pool.shutdown();
		assertThat(pool.awaitTermination(120, TimeUnit.SECONDS)).as("load finished in time").isTrue();
		for (Thread caller : callers) {
			caller.join();
		}
		Tally total = new Tally();
		for (Future<Tally> future : futures) {
			Tally tally = future.get();
			total.results += tally.results;
			total.failures += tally.failures;
			total.failureAttempts += tally.failureAttempts;
			total.unexpected += tally.unexpected;
		}
		return total;
	}

	/**
	 * Return the names of the live threads the insprl client started, sorted. This client
	 * has no shared rate limit, so a thread opening a rate limit's Redis connection is
	 * another test's, still ending.
	 */
	private static List<String> clientThreads() {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.map(Thread::getName)
			.filter((name) -> name.startsWith("insprl-") && !name.startsWith("insprl-redis-"))
			.sorted()
			.toList();
	}

	static final class Tally {

		long results;

		long failures;

		long failureAttempts;

		long unexpected;

	}

}
