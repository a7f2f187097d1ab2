package com.insprl.ratelimit.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.insprl.testing.MutableClock;
import com.insprl.testing.ReadsLogs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link FailoverRateLimiter}.
 */
@ExtendWith(OutputCaptureExtension.class)
@ReadsLogs
class FailoverRateLimiterTests {

	private final MutableClock clock = new MutableClock();

	private final FlakyStore store = new FlakyStore();

	private final LocalRateLimiter local = new LocalRateLimiter(1000, 1000);

	@Test
	void anUnreachableStoreIsSkippedForTheRetryIntervalThenTriedAgain() throws InterruptedException {
		FailoverRateLimiter limiter = new FailoverRateLimiter(this.store, this.local, true, this.clock, this.clock);
		this.store.down = true;
		assertThat(limiter.acquire("client-42", Duration.ZERO)).as("the local limit permits").isZero();
		assertThat(this.store.calls.get()).isEqualTo(1);
		assertThat(limiter.healthDetails().get("state").toString()).contains("store unreachable since");
		this.clock.advance(Duration.ofSeconds(4));
		limiter.acquire("client-42", Duration.ZERO);
		assertThat(this.store.calls.get()).as("not asked within the retry interval").isEqualTo(1);
		this.store.down = false;
		this.clock.advance(Duration.ofSeconds(2));
		limiter.acquire("client-42", Duration.ZERO);
		assertThat(this.store.calls.get()).as("asked again after it").isEqualTo(2);
		assertThat(limiter.healthDetails()).containsEntry("state", "shared");
		assertThat(limiter.isFailing()).isFalse();
	}

	@Test
	void theRetryIntervalIsKeptWhateverTheWallClockDoes() throws InterruptedException {
		FailoverRateLimiter limiter = new FailoverRateLimiter(this.store, this.local, true, this.clock, this.clock);
		this.store.down = true;
		limiter.acquire("client-42", Duration.ZERO);
		this.store.down = false;
		this.clock.step(Duration.ofHours(1));
		limiter.acquire("client-42", Duration.ZERO);
		assertThat(this.store.calls.get()).as("a step forward does not end the interval").isEqualTo(1);
		this.clock.step(Duration.ofHours(-2));
		this.clock.advance(FailoverRateLimiter.RETRY_INTERVAL);
		limiter.acquire("client-42", Duration.ZERO);
		assertThat(this.store.calls.get()).as("a step back does not lengthen it").isEqualTo(2);
		assertThat(limiter.healthDetails()).containsEntry("state", "shared");
	}

	@Test
	void anInterruptedWaitForTheStoreLeavesItShared() {
		FailoverRateLimiter limiter = new FailoverRateLimiter(this.store, this.local, false, this.clock, this.clock);
		this.store.interrupted = true;
		assertThatExceptionOfType(InterruptedException.class)
			.isThrownBy(() -> limiter.acquire("client-42", Duration.ZERO));
		assertThat(limiter.isFailing()).isFalse();
		assertThat(limiter.healthDetails()).containsEntry("state", "shared");
	}

	@Test
	void resetForgetsTheOutageAndTheLocalState() throws InterruptedException {
		FailoverRateLimiter limiter = new FailoverRateLimiter(this.store, this.local, false, this.clock, this.clock);
		this.store.down = true;
		assertThatExceptionOfType(InsprlRateLimitStoreException.class)
			.isThrownBy(() -> limiter.acquire("client-42", Duration.ZERO));
		this.store.down = false;
		limiter.reset();
		assertThat(limiter.isFailing()).isFalse();
		assertThat(limiter.acquire("client-42", Duration.ZERO)).as("the store is asked at once").isZero();
		assertThat(this.store.calls.get()).isEqualTo(2);
	}

	@Test
	void failingClosedRefusesWhileTheStoreIsUnreachable() throws InterruptedException {
		FailoverRateLimiter limiter = new FailoverRateLimiter(this.store, this.local, false, this.clock, this.clock);
		this.store.down = true;
		assertThatExceptionOfType(InsprlRateLimitStoreException.class)
			.isThrownBy(() -> limiter.acquire("client-42", Duration.ZERO));
		assertThatExceptionOfType(InsprlRateLimitStoreException.class)
			.isThrownBy(() -> limiter.acquire("client-42", Duration.ZERO));
		assertThat(limiter.isFailing()).isTrue();
		assertThat(limiter.healthDetails().get("state").toString()).endsWith("calls fail");
	}

	@Test
	void aPauseReachesTheLocalLimitEvenWhenTheStoreIsUnreachable() throws InterruptedException {
		FailoverRateLimiter limiter = new FailoverRateLimiter(this.store, this.local, true, this.clock, this.clock);
		this.store.down = true;
		limiter.pause("client-42", Duration.ofSeconds(60), "paused");
		assertThat(limiter.acquire("client-42", Duration.ZERO)).isGreaterThan(Duration.ofSeconds(50));
	}

	@Test
	void aPauseThatCannotReachTheStoreMarksItUnreachable() {
		FailoverRateLimiter limiter = new FailoverRateLimiter(this.store, this.local, false, this.clock, this.clock);
		this.store.down = true;
		limiter.pause("client-42", Duration.ofSeconds(60), "paused");
		assertThat(limiter.isFailing()).isTrue();
		assertThat(limiter.healthDetails().get("state").toString()).startsWith("store unreachable since");
		assertThatExceptionOfType(InsprlRateLimitStoreException.class)
			.isThrownBy(() -> limiter.acquire("client-42", Duration.ZERO))
			.withMessageContaining("unreachable since");
		assertThat(this.store.calls.get()).as("not asked within the retry interval").isZero();
	}

	/**
	 * Each limiter loses the store on a thread named by the test, so that the lines of
	 * other tests running at the same time are told apart (in 15 characters at most, all
	 * that Spring Boot's log pattern shows).
	 */
	@Test
	void theWarningSaysWhetherCallsGoOnOrFail(CapturedOutput output) throws InterruptedException {
		this.store.down = true;
		FailoverRateLimiter failOpen = new FailoverRateLimiter(this.store, this.local, true, this.clock, this.clock);
		FailoverRateLimiter failClosed = new FailoverRateLimiter(this.store, this.local, false, this.clock, this.clock);
		runOn("failopen-test", () -> failOpen.acquire("client-42", Duration.ZERO));
		runOn("failclosed-test", () -> failClosed.acquire("client-42", Duration.ZERO));
		assertThat(linesOf(output, "failopen-test")).singleElement()
			.asString()
			.endsWith("The insprl rate limit's store is unreachable (Redis did not answer): "
					+ "insprl calls go on with this JVM's own limit until it is back");
		assertThat(linesOf(output, "failclosed-test")).singleElement()
			.asString()
			.endsWith("The insprl rate limit's store is unreachable (Redis did not answer): "
					+ "insprl calls fail until it is back (insprl.rate-limit.fail-open=false)");
	}

	private static void runOn(String name, Callable<?> task) throws InterruptedException {
		Thread thread = new Thread(() -> {
			try {
				task.call();
			}
			catch (Exception ex) {
				// fail closed: the call fails, as the warning says
			}
		}, name);
		thread.start();
		thread.join(10_000);
	}

	private static List<String> linesOf(CapturedOutput output, String thread) {
		return output.getAll().lines().filter((line) -> line.contains(thread + "]")).toList();
	}

	@Test
	void closingTheLimiterClosesTheSharedOne() throws Exception {
		FailoverRateLimiter limiter = new FailoverRateLimiter(this.store, this.local, true, this.clock, this.clock);
		assertThat(this.store.closed).isFalse();
		limiter.close();
		assertThat(this.store.closed).isTrue();
	}

	@Test
	void thePausesShownAreTheStoresOrThisJvmsWhileItIsUnreachable() {
		FailoverRateLimiter limiter = new FailoverRateLimiter(this.store, this.local, true, this.clock, this.clock);
		limiter.pause("client-42", Duration.ofMinutes(10), "Retry-After 600s (HTTP 429)");
		assertThat(limiter.pauses(10)).extracting(PauseRegistry.Pause::account)
			.as("every replica's, from the store")
			.containsExactly("client-42", "paused-by-another-replica");
		this.store.down = true;
		assertThat(limiter.pauses(10)).extracting(PauseRegistry.Pause::reason)
			.as("this JVM's own")
			.containsExactly("Retry-After 600s (HTTP 429)");
		assertThat(limiter.healthDetails().get("state").toString()).contains("store unreachable since");
	}

	@Test
	void aPauseIsLiftedHereAndInTheStoreOrHereAloneWhileItIsUnreachable() throws InterruptedException {
		FailoverRateLimiter limiter = new FailoverRateLimiter(this.store, this.local, true, this.clock, this.clock);
		limiter.pause("client-42", Duration.ofMinutes(10), "paused");
		assertThat(limiter.lift("client-42")).isTrue();
		assertThat(this.store.lifted).containsExactly("client-42");
		assertThat(this.local.acquire("client-42", Duration.ZERO)).as("lifted in this JVM too").isZero();
		assertThat(limiter.lift("paused-by-another-replica")).as("paused in the store only").isTrue();
		limiter.pause("client-42", Duration.ofMinutes(10), "paused");
		this.store.down = true;
		assertThat(limiter.lift("client-42")).isTrue();
		assertThat(this.local.acquire("client-42", Duration.ZERO)).isZero();
		assertThat(limiter.healthDetails()).containsEntry("failOpen", true);
	}

	static final class FlakyStore implements ManagedRateLimiter, AutoCloseable {

		final List<String> lifted = new CopyOnWriteArrayList<>();

		final AtomicInteger calls = new AtomicInteger();

		volatile boolean down;

		volatile boolean interrupted;

		volatile boolean closed;

		@Override
		public Duration acquire(String account, Duration maxWait) throws InterruptedException {
			this.calls.incrementAndGet();
			if (this.interrupted) {
				throw new InterruptedException();
			}
			if (this.down) {
				throw new InsprlRateLimitStoreException("Redis did not answer", null);
			}
			return Duration.ZERO;
		}

		@Override
		public void pause(String account, Duration pause, String reason) {
			if (this.down) {
				throw new InsprlRateLimitStoreException("Redis did not answer", null);
			}
		}

		@Override
		public List<Pause> pauses(int limit) {
			if (this.down) {
				throw new InsprlRateLimitStoreException("Redis did not answer", null);
			}
			Instant now = Instant.now();
			return List.of(new Pause("client-42", now.plusSeconds(600), "Retry-After 600s (HTTP 429)"),
					new Pause("paused-by-another-replica", now.plusSeconds(900), "paused"));
		}

		@Override
		public boolean lift(String account) {
			if (this.down) {
				throw new InsprlRateLimitStoreException("Redis did not answer", null);
			}
			this.lifted.add(account);
			return true;
		}

		@Override
		public Map<String, Object> healthDetails() {
			return Map.of("store", "flaky");
		}

		@Override
		public void close() {
			this.closed = true;
		}

	}

}
