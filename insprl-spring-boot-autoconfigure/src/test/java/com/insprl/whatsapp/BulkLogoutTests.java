package com.insprl.whatsapp;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import com.insprl.client.InsprlAuthenticationException;
import com.insprl.client.InsprlClient;
import com.insprl.client.InsprlConnectionException;
import com.insprl.client.InsprlException;
import com.insprl.client.InsprlRateLimitException;
import com.insprl.http.InsprlHttpTransport;
import com.insprl.testing.RecordingStub;
import com.insprl.testing.RecordingStub.Arrival;
import com.insprl.testing.RecordingStub.Reply;
import com.insprl.testing.TestAccount;
import com.insprl.testing.Transports;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

import org.springframework.core.task.SimpleAsyncTaskExecutor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@link InsprlWhatsAppService#logoutAll}: against a stub on loopback that records when
 * each request arrived and how many were in flight at once.
 */
@Isolated("waits for every bulk logout thread in the JVM to stop")
class BulkLogoutTests {

	private static final String OK = RecordingStub.OK;

	private final InsprlHttpTransport transport = Transports.detect();

	private final ExecutorService workers = Executors.newFixedThreadPool(2);

	private RecordingStub stub;

	@AfterEach
	void stop() {
		this.workers.shutdownNow();
		this.transport.close();
		if (this.stub != null) {
			this.stub.close();
		}
	}

	private InsprlWhatsAppService service(int concurrency) {
		SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("insprl-bulk-");
		executor.setDaemon(true);
		return new InsprlWhatsAppService(client(), null, concurrency, executor);
	}

	private InsprlClient client() {
		return InsprlClient.builder()
			.transport(this.transport)
			.timeouts(Duration.ofSeconds(2), Duration.ofSeconds(10))
			.baseUrl(this.stub.baseUrl())
			.credentials(TestAccount.credentials())
			.maxAttempts(3)
			.backoff(Duration.ofMillis(10), Duration.ofSeconds(5), 2.0)
			.usageLimitPause(Duration.ofMinutes(5))
			.build();
	}

	@Test
	void everyIdEndsInOneMapInTheOrderGivenAndOneFailureStopsNoOther() throws IOException {
		this.stub = new RecordingStub(Duration.ZERO, (id) -> id.startsWith("bad")
				? new Reply(200, "{\"code\":\"101\",\"message\":\"Invalid\"}", null) : new Reply(200, OK, null));
		List<String> ids = List.of("a", "bad-1", "b", "c", "bad-2", "d");
		BulkLogoutResult result = service(4).logoutAll(ids);
		assertThat(result.succeeded()).containsOnlyKeys("a", "b", "c", "d");
		assertThat(result.succeeded().keySet()).containsExactly("a", "b", "c", "d");
		assertThat(result.failed().keySet()).containsExactly("bad-1", "bad-2");
		assertThat(result.failed().values()).allMatch(InsprlAuthenticationException.class::isInstance);
		assertThat(result.allSucceeded()).isFalse();
		assertThat(this.stub.requests()).hasSize(6);
	}

	/**
	 * The caller is interrupted once two logouts are on their way: those end with their
	 * own outcome, the ids never reached fail as not sent, the caller keeps its interrupt
	 * flag and the workers' threads do not.
	 */
	@Test
	void anInterruptedBulkLogoutTellsWhichIdsWereNeverSent() throws Exception {
		this.stub = new RecordingStub(Duration.ofMillis(300), (id) -> new Reply(200, OK, null));
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			ids.add("instance-" + i);
		}
		AtomicReference<BulkLogoutResult> result = new AtomicReference<>();
		AtomicBoolean flagKept = new AtomicBoolean();
		InsprlWhatsAppService service = new InsprlWhatsAppService(client(), null, 2, this.workers);
		Thread caller = new Thread(() -> {
			result.set(service.logoutAll(ids));
			flagKept.set(Thread.currentThread().isInterrupted());
		});
		caller.start();
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (this.stub.requests().size() < 2 && System.nanoTime() < deadline) {
			Thread.sleep(5);
		}
		caller.interrupt();
		caller.join(30_000);
		assertThat(caller.isAlive()).isFalse();
		assertThat(flagKept).as("the caller's interrupt flag").isTrue();
		Set<String> sent = this.stub.requests().stream().map(Arrival::instanceId).collect(Collectors.toSet());
		Map<String, InsprlException> failed = result.get().failed();
		assertThat(result.get().succeeded().keySet()).as("succeeded, and sent").isSubsetOf(sent);
		assertThat(failed.keySet()).noneMatch(result.get().succeeded()::containsKey);
		assertThat(result.get().succeeded().size() + failed.size()).as("every id, once").isEqualTo(20);
		List<String> neverSent = ids.stream().filter((id) -> !sent.contains(id)).toList();
		assertThat(neverSent).as("ids the interrupt kept from being sent").isNotEmpty();
		// an id never taken fails as not sent; one whose request was on its way when the
		// interrupt came, and which the stub did not see, may have been processed as far
		// as the client can tell, and says so
		assertThat(neverSent)
			.allSatisfy((id) -> assertThat(failed.get(id)).isInstanceOfSatisfying(InsprlConnectionException.class,
					(ex) -> assertThat(
							ex.isPossiblyProcessed() || ex.getReason() == InsprlConnectionException.Reason.INTERRUPTED)
						.as("%s: %s", id, ex)
						.isTrue()));
		assertThat(neverSent)
			.filteredOn((id) -> failed.get(id).getMessage().equals("Not sent: the bulk logout was interrupted"))
			.as("ids never taken, failed as not sent")
			.isNotEmpty()
			.allSatisfy((id) -> assertThat(failed.get(id).isPossiblyProcessed()).isFalse());
		assertThat(failed.entrySet()).filteredOn((entry) -> sent.contains(entry.getKey()))
			.as("ids sent are never reported as not sent")
			.allSatisfy((entry) -> assertThat(entry.getValue().isPossiblyProcessed()).isTrue());
		// both pool threads, which ran the workers, are free of the caller's interrupt
		CyclicBarrier both = new CyclicBarrier(2);
		Callable<Boolean> interrupted = () -> {
			both.await(10, TimeUnit.SECONDS);
			return Thread.currentThread().isInterrupted();
		};
		for (Future<Boolean> thread : this.workers.invokeAll(List.of(interrupted, interrupted))) {
			assertThat(thread.get()).as("a worker's thread left interrupted").isFalse();
		}
	}

	/**
	 * An application's task on the single-threaded executor it gave for bulk logouts
	 * calls a bulk logout: the caller's thread does the work the executor cannot start.
	 */
	@Test
	void aBulkLogoutCalledFromItsExecutorsOnlyThreadFinishes() throws Exception {
		this.stub = new RecordingStub(Duration.ZERO, (id) -> new Reply(200, OK, null));
		ExecutorService single = Executors.newFixedThreadPool(1);
		try {
			InsprlWhatsAppService service = new InsprlWhatsAppService(client(), null, 4, single);
			List<String> ids = List.of("a", "b", "c", "d", "e", "f", "g", "h");
			BulkLogoutResult result = single.submit(() -> service.logoutAll(ids)).get(30, TimeUnit.SECONDS);
			assertThat(result.succeeded()).containsOnlyKeys(ids);
			assertThat(this.stub.requests()).hasSize(8);
		}
		finally {
			single.shutdownNow();
		}
	}

	@Test
	void duplicatesAreSentOnce() throws IOException {
		this.stub = new RecordingStub(Duration.ZERO, (id) -> new Reply(200, OK, null));
		BulkLogoutResult result = service(4).logoutAll(List.of("a", "b", "a", "a", "b"));
		assertThat(result.succeeded().keySet()).containsExactly("a", "b");
		assertThat(this.stub.requests()).extracting(Arrival::instanceId).containsExactlyInAnyOrder("a", "b");
	}

	@Test
	void aNullOrBlankIdFailsTheWholeCallBeforeAnyRequest() throws IOException {
		this.stub = new RecordingStub(Duration.ZERO, (id) -> new Reply(200, OK, null));
		List<String> withNull = new ArrayList<>(List.of("a", "b"));
		withNull.add(null);
		assertThatIllegalArgumentException().isThrownBy(() -> service(4).logoutAll(withNull));
		assertThatIllegalArgumentException().isThrownBy(() -> service(4).logoutAll(List.of("a", " ")));
		assertThatIllegalArgumentException().isThrownBy(() -> service(4).logoutAll(null));
		assertThat(this.stub.requests()).isEmpty();
		assertThat(service(4).logoutAll(List.of()).succeeded()).isEmpty();
	}

	@Test
	void noMoreThanTheConcurrencyAreInFlightAndNoThreadIsLeft() throws Exception {
		this.stub = new RecordingStub(Duration.ofMillis(100), (id) -> new Reply(200, OK, null));
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 24; i++) {
			ids.add("instance-" + i);
		}
		BulkLogoutResult result = service(3).logoutAll(ids);
		assertThat(result.succeeded()).hasSize(24);
		assertThat(this.stub.maxInFlight()).as("requests in flight at once").isBetween(1, 3);
		for (Thread thread : Thread.getAllStackTraces().keySet()) {
			if (thread.getName().startsWith("insprl-bulk-")) {
				thread.join(10_000);
				assertThat(thread.isAlive()).as("%s stopped", thread.getName()).isFalse();
			}
		}
	}

	/**
	 * The 429 is answered at once, the other logouts after 300 ms, so that when the pause
	 * begins every other worker is waiting for its own reply. A request already on its
	 * way as the 429 arrived can only arrive right after it; the batch then sends nothing
	 * until the second of the {@code Retry-After} has passed.
	 */
	@Test
	void aRetryAfterWithinTheLimitPausesTheWholeBatch() throws IOException {
		AtomicInteger limited = new AtomicInteger();
		this.stub = new RecordingStub(Duration.ofMillis(300),
				(id) -> (id.equals("instance-5") && limited.getAndIncrement() == 0)
						? new Reply(429, "{\"code\":129,\"message\":\"DAILY_LIMIT_REACHED\"}", "1")
						: new Reply(200, OK, null));
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 16; i++) {
			ids.add("instance-" + i);
		}
		BulkLogoutResult result = service(4).logoutAll(ids);
		assertThat(result.allSucceeded()).isTrue();
		Arrival limitedAt = this.stub.requests()
			.stream()
			.filter((arrival) -> arrival.status() == 429)
			.findFirst()
			.orElseThrow();
		List<Duration> after = this.stub.requests()
			.stream()
			.filter((arrival) -> arrival.nanos() > limitedAt.nanos())
			.map((arrival) -> Duration.ofNanos(arrival.nanos() - limitedAt.nanos()))
			.toList();
		assertThat(after).as("arrivals after the 429, from it")
			.allSatisfy((wait) -> assertThat(
					wait.compareTo(Duration.ofMillis(200)) < 0 || wait.compareTo(Duration.ofMillis(950)) >= 0)
				.as("%s", wait)
				.isTrue())
			.anySatisfy((wait) -> assertThat(wait).isGreaterThanOrEqualTo(Duration.ofMillis(950)));
	}

	/**
	 * An account at its daily limit: every request is answered with code 129 and no
	 * {@code Retry-After}. The first logouts in flight (at most the concurrency) meet it
	 * and pause the account; the other 56 fail unsent.
	 */
	@Test
	void aBulkLogoutAtTheDailyLimitSendsNoMoreThanTheConcurrency() throws IOException {
		this.stub = new RecordingStub(Duration.ofMillis(50),
				(id) -> new Reply(429, "{\"code\":129,\"message\":\"DAILY_LIMIT_REACHED\"}", null));
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 60; i++) {
			ids.add("instance-" + i);
		}
		BulkLogoutResult result = service(4).logoutAll(ids);
		assertThat(result.succeeded()).isEmpty();
		assertThat(result.failed()).hasSize(60);
		assertThat(result.failed().values())
			.allSatisfy((failure) -> assertThat(failure).isInstanceOf(InsprlRateLimitException.class));
		int sent = this.stub.requests().size();
		assertThat(sent).as("requests sent").isBetween(1, 4);
		assertThat(result.failed().values()).filteredOn((failure) -> failure.getAttempts() == 0)
			.as("refused unsent, with the rest of the pause")
			.hasSize(60 - sent)
			.allSatisfy((failure) -> {
				InsprlRateLimitException refused = (InsprlRateLimitException) failure;
				assertThat(refused.isRefusedByClient()).isTrue();
				assertThat(refused.getRetryAfter())
					.hasValueSatisfying((rest) -> assertThat(rest).isGreaterThan(Duration.ofMinutes(4)));
			});
	}

	@Test
	void aRetryAfterBeyondTheLimitFailsTheRestAtOnceUnsent() throws IOException {
		this.stub = new RecordingStub(Duration.ofMillis(20),
				(id) -> id.equals("instance-2")
						? new Reply(429, "{\"code\":129,\"message\":\"DAILY_LIMIT_REACHED\"}", "600")
						: new Reply(200, OK, null));
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			ids.add("instance-" + i);
		}
		long start = System.nanoTime();
		BulkLogoutResult result = service(1).logoutAll(ids);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
		assertThat(result.succeeded().keySet()).containsExactly("instance-0", "instance-1");
		assertThat(result.failed()).hasSize(38);
		assertThat(result.failed().values()).allSatisfy((failure) -> {
			assertThat(failure).isInstanceOf(InsprlRateLimitException.class);
			assertThat(((InsprlRateLimitException) failure).getRetryAfter()).isPresent();
		});
		assertThat(result.failed().get("instance-5").getAttempts()).as("refused unsent").isZero();
		assertThat(this.stub.requests()).as("nothing was sent after the 429").hasSize(3);
	}

}
