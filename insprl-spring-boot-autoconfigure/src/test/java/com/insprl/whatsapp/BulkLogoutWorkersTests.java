package com.insprl.whatsapp;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import com.insprl.client.InsprlConnectionException;
import com.insprl.client.InsprlException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.entry;

/**
 * Tests for {@link BulkLogout}'s workers, driven by logouts the test controls: no request
 * is sent, and each step waits for the one before it rather than for time to pass.
 */
class BulkLogoutWorkersTests {

	private static final LogoutResult OK = new LogoutResult(100, "success", null);

	/** Set when the test is done with the workers' threads. */
	private volatile boolean released;

	/**
	 * Each worker thread's interrupt flag once its task has ended, and again when
	 * released.
	 */
	private final Map<Thread, Boolean> flagAtEnd = new ConcurrentHashMap<>();

	private final Map<Thread, Boolean> flagAtRelease = new ConcurrentHashMap<>();

	private final List<Thread> threads = new CopyOnWriteArrayList<>();

	/**
	 * Runs each worker on a thread of its own which, as a pool's thread would, outlives
	 * its task: it stays until the test releases it, so that an interrupt sent after the
	 * task ended is seen.
	 */
	private final Executor executor = (task) -> {
		Thread thread = new Thread(() -> {
			task.run();
			this.flagAtEnd.put(Thread.currentThread(), Thread.currentThread().isInterrupted());
			while (!this.released) {
				LockSupport.parkNanos(1_000_000);
			}
			this.flagAtRelease.put(Thread.currentThread(), Thread.currentThread().isInterrupted());
		}, "bulk-worker-" + this.threads.size());
		thread.setDaemon(true);
		this.threads.add(thread);
		thread.start();
	};

	private final Map<String, LogoutResult> succeeded = new ConcurrentHashMap<>();

	private final Map<String, InsprlException> failed = new ConcurrentHashMap<>();

	@AfterEach
	void release() throws InterruptedException {
		this.released = true;
		for (Thread thread : this.threads) {
			thread.join(10_000);
		}
	}

	/**
	 * Releases the workers' threads and returns, for each, whether its interrupt flag was
	 * set when its task ended or afterwards.
	 */
	private Map<String, Boolean> workersLeftInterrupted() throws InterruptedException {
		release();
		Map<String, Boolean> flags = new LinkedHashMap<>();
		for (Thread thread : this.threads) {
			assertThat(thread.isAlive()).isFalse();
			flags.put(thread.getName(), this.flagAtEnd.get(thread) || this.flagAtRelease.get(thread));
		}
		return flags;
	}

	@Test
	void aBulkLogoutThatIsNotInterruptedLeavesTheCallerUninterrupted() {
		new BulkLogout(this.executor, 2).run(ids("a", "b", "c"), (id) -> OK, this.succeeded, this.failed);
		assertThat(this.succeeded).containsOnlyKeys("a", "b", "c");
		assertThat(Thread.currentThread().isInterrupted()).isFalse();
	}

	/**
	 * One worker, in the middle of its first logout, when the caller is interrupted: the
	 * logout in flight sees the interrupt and still ends with its outcome, the other ids
	 * are never taken, and the worker's thread is handed back without the interrupt.
	 */
	@Test
	void anInterruptReachesTheLogoutInFlightAndStopsTheWorkerTakingMore() throws Exception {
		CountDownLatch inFlight = new CountDownLatch(1);
		AtomicBoolean interruptSeen = new AtomicBoolean();
		AtomicBoolean flagAtReturn = new AtomicBoolean();
		List<String> taken = new CopyOnWriteArrayList<>();
		AtomicBoolean callerFlag = new AtomicBoolean();
		Thread caller = new Thread(() -> {
			new BulkLogout(this.executor, 1).run(ids("a", "b", "c"), (id) -> {
				taken.add(id);
				inFlight.countDown();
				// a logout that ignores interrupts until one arrives, then answers
				while (!Thread.currentThread().isInterrupted()) {
					Thread.onSpinWait();
				}
				interruptSeen.set(true);
				flagAtReturn.set(Thread.currentThread().isInterrupted());
				return OK;
			}, this.succeeded, this.failed);
			callerFlag.set(Thread.currentThread().isInterrupted());
		});
		caller.start();
		assertThat(inFlight.await(10, TimeUnit.SECONDS)).isTrue();
		caller.interrupt();
		caller.join(10_000);
		assertThat(caller.isAlive()).isFalse();
		assertThat(interruptSeen).as("the logout in flight was interrupted").isTrue();
		assertThat(flagAtReturn).isTrue();
		assertThat(taken).containsExactly("a");
		assertThat(this.succeeded).containsOnlyKeys("a");
		assertThat(this.failed).containsOnlyKeys("b", "c");
		assertThat(this.failed.values()).allSatisfy((ex) -> assertThat(ex)
			.isInstanceOfSatisfying(InsprlConnectionException.class, (connection) -> assertThat(connection.getReason())
				.isEqualTo(InsprlConnectionException.Reason.INTERRUPTED)));
		assertThat(callerFlag).as("the caller keeps its interrupt").isTrue();
		assertThat(workersLeftInterrupted()).as("worker threads left interrupted")
			.containsOnly(entry("bulk-worker-0", false));
	}

	/**
	 * Two workers: the first finishes its logout, then the caller is interrupted while
	 * the second is in flight. Only the second is interrupted; the first, which has left,
	 * is not.
	 */
	@Test
	void aWorkerThatHasLeftIsNotInterrupted() throws Exception {
		CountDownLatch slowInFlight = new CountDownLatch(1);
		AtomicReference<Thread> quickThread = new AtomicReference<>();
		Thread caller = new Thread(() -> new BulkLogout(this.executor, 2).run(ids("quick", "slow"), (id) -> {
			if (id.equals("quick")) {
				// answers once the other worker has taken the slow id
				await(slowInFlight);
				quickThread.set(Thread.currentThread());
				return OK;
			}
			slowInFlight.countDown();
			while (!Thread.currentThread().isInterrupted()) {
				Thread.onSpinWait();
			}
			return OK;
		}, this.succeeded, this.failed));
		caller.start();
		Thread quick = awaitNonNull(quickThread);
		awaitTrue(() -> this.flagAtEnd.containsKey(quick));
		caller.interrupt();
		caller.join(10_000);
		assertThat(caller.isAlive()).isFalse();
		assertThat(this.succeeded).containsOnlyKeys("quick", "slow");
		assertThat(workersLeftInterrupted()).as("worker threads left interrupted")
			.containsOnly(entry("bulk-worker-0", false), entry("bulk-worker-1", false));
	}

	@Test
	void anUnexpectedFailureStopsTheOtherWorkersAndIsRethrown() {
		AtomicReference<Thread> failedThread = new AtomicReference<>();
		List<String> taken = new CopyOnWriteArrayList<>();
		CountDownLatch bothTaken = new CountDownLatch(2);
		assertThatIllegalStateException()
			.isThrownBy(() -> new BulkLogout(this.executor, 2).run(ids("a", "b", "c", "d"), (id) -> {
				taken.add(id);
				bothTaken.countDown();
				await(bothTaken);
				if (taken.get(0).equals(id)) {
					failedThread.set(Thread.currentThread());
					throw new IllegalStateException("a bug in " + id);
				}
				// the other worker goes on only once the failing one has ended
				Thread failing = awaitNonNull(failedThread);
				awaitTrue(() -> this.flagAtEnd.containsKey(failing));
				return OK;
			}, this.succeeded, this.failed))
			.withMessageStartingWith("a bug in ");
		assertThat(taken).as("ids taken before the failure").hasSize(2);
	}

	@Test
	void whenTheExecutorRefusesAWorkerTheCallerRunsIt() {
		Thread caller = Thread.currentThread();
		List<Thread> ranOn = new CopyOnWriteArrayList<>();
		new BulkLogout((task) -> {
			throw new RejectedExecutionException("full");
		}, 2).run(ids("a", "b", "c"), (id) -> {
			ranOn.add(Thread.currentThread());
			return OK;
		}, this.succeeded, this.failed);
		assertThat(this.succeeded).containsOnlyKeys("a", "b", "c");
		assertThat(this.failed).isEmpty();
		assertThat(ranOn).containsOnly(caller);
	}

	private static Set<String> ids(String... ids) {
		return new LinkedHashSet<>(List.of(ids));
	}

	private static <T> T awaitNonNull(AtomicReference<T> reference) {
		awaitTrue(() -> reference.get() != null);
		return reference.get();
	}

	private static void await(CountDownLatch latch) {
		try {
			assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
		}
		catch (InterruptedException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void awaitTrue(BooleanSupplier condition) {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
			Thread.onSpinWait();
		}
		assertThat(condition.getAsBoolean()).isTrue();
	}

}
