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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
	 * Two shares, the caller's and a worker's, each in the middle of a logout when the
	 * caller is interrupted: each logout in flight sees the interrupt and still ends with
	 * its outcome, the other ids are never taken, and the worker's thread is handed back
	 * without the interrupt.
	 */
	@Test
	void anInterruptReachesTheLogoutsInFlightAndStopsTheSharesTakingMore() throws Exception {
		CountDownLatch inFlight = new CountDownLatch(2);
		Map<String, Boolean> flagAtReturn = new ConcurrentHashMap<>();
		List<String> taken = new CopyOnWriteArrayList<>();
		AtomicBoolean callerFlag = new AtomicBoolean();
		Thread caller = new Thread(() -> {
			new BulkLogout(this.executor, 2).run(ids("a", "b", "c", "d"), (id) -> {
				taken.add(id);
				inFlight.countDown();
				// a logout that ignores interrupts until one arrives, then answers
				while (!Thread.currentThread().isInterrupted()) {
					Thread.onSpinWait();
				}
				flagAtReturn.put(id, Thread.currentThread().isInterrupted());
				return OK;
			}, this.succeeded, this.failed);
			callerFlag.set(Thread.currentThread().isInterrupted());
		});
		caller.start();
		assertThat(inFlight.await(10, TimeUnit.SECONDS)).isTrue();
		caller.interrupt();
		caller.join(10_000);
		assertThat(caller.isAlive()).isFalse();
		assertThat(taken).hasSize(2);
		assertThat(flagAtReturn).as("each logout in flight was interrupted")
			.containsOnlyKeys(taken)
			.doesNotContainValue(false);
		assertThat(this.succeeded).containsOnlyKeys(taken);
		assertThat(this.failed).hasSize(2).doesNotContainKeys(taken.toArray(new String[0]));
		assertThat(this.failed.values()).allSatisfy((ex) -> assertThat(ex)
			.isInstanceOfSatisfying(InsprlConnectionException.class, (connection) -> assertThat(connection.getReason())
				.isEqualTo(InsprlConnectionException.Reason.INTERRUPTED)));
		assertThat(callerFlag).as("the caller keeps its interrupt").isTrue();
		assertThat(workersLeftInterrupted()).as("worker threads left interrupted")
			.containsOnly(entry("bulk-worker-0", false));
	}

	/**
	 * Three shares, each on one id: a worker finishes its logout and leaves, then the
	 * caller is interrupted while its own logout and the other worker's are in flight.
	 * Only those two are interrupted; the worker that has left is not.
	 */
	@Test
	void aWorkerThatHasLeftIsNotInterrupted() throws Exception {
		CountDownLatch allInFlight = new CountDownLatch(3);
		CountDownLatch spinning = new CountDownLatch(2);
		AtomicReference<Thread> callerThread = new AtomicReference<>();
		AtomicReference<Thread> quickThread = new AtomicReference<>();
		AtomicBoolean callerFlag = new AtomicBoolean();
		Thread caller = new Thread(() -> {
			new BulkLogout(this.executor, 3).run(ids("a", "b", "c"), (id) -> {
				allInFlight.countDown();
				await(allInFlight);
				if (Thread.currentThread() != callerThread.get()
						&& quickThread.compareAndSet(null, Thread.currentThread())) {
					return OK;
				}
				spinning.countDown();
				while (!Thread.currentThread().isInterrupted()) {
					Thread.onSpinWait();
				}
				return OK;
			}, this.succeeded, this.failed);
			callerFlag.set(Thread.currentThread().isInterrupted());
		});
		callerThread.set(caller);
		caller.start();
		Thread quick = awaitNonNull(quickThread);
		awaitTrue(() -> this.flagAtEnd.containsKey(quick));
		// the caller's own logout and the other worker's are in flight, past the latch
		await(spinning);
		caller.interrupt();
		caller.join(10_000);
		assertThat(caller.isAlive()).isFalse();
		assertThat(callerFlag).isTrue();
		assertThat(this.succeeded).containsOnlyKeys("a", "b", "c");
		assertThat(workersLeftInterrupted()).as("worker threads left interrupted")
			.containsOnly(entry("bulk-worker-0", false), entry("bulk-worker-1", false));
	}

	/**
	 * Two shares, each failing with a bug once both have taken an id: the failure is
	 * rethrown, and no share takes another id.
	 */
	@Test
	void anUnexpectedFailureStopsTheSharesAndIsRethrown() {
		List<String> taken = new CopyOnWriteArrayList<>();
		CountDownLatch bothTaken = new CountDownLatch(2);
		assertThatIllegalStateException()
			.isThrownBy(() -> new BulkLogout(this.executor, 2).run(ids("a", "b", "c", "d"), (id) -> {
				taken.add(id);
				bothTaken.countDown();
				await(bothTaken);
				throw new IllegalStateException("a bug in " + id);
			}, this.succeeded, this.failed))
			.withMessageStartingWith("a bug in ");
		assertThat(taken).as("ids taken before the failure").hasSize(2);
		assertThat(this.succeeded).isEmpty();
	}

	/**
	 * The bulk logout runs on the executor's only thread, so the shares it hands to the
	 * executor can start only once it is done: the caller's own share does every logout,
	 * and the shares that start afterwards do nothing.
	 */
	@Test
	void calledFromTheExecutorsOnlyThreadItFinishesAlone() throws Exception {
		ExecutorService single = Executors.newSingleThreadExecutor();
		try {
			List<Thread> ranOn = new CopyOnWriteArrayList<>();
			Future<Thread> caller = single.submit(() -> {
				new BulkLogout(single, 4).run(ids("a", "b", "c", "d", "e", "f", "g", "h"), (id) -> {
					ranOn.add(Thread.currentThread());
					return OK;
				}, this.succeeded, this.failed);
				return Thread.currentThread();
			});
			Thread thread = caller.get(30, TimeUnit.SECONDS);
			single.submit(() -> null).get(30, TimeUnit.SECONDS);
			assertThat(this.succeeded).hasSize(8);
			assertThat(ranOn).hasSize(8).containsOnly(thread);
		}
		finally {
			single.shutdownNow();
		}
	}

	@Test
	void anExecutorThatHoldsItsTasksDelaysNothing() {
		Thread caller = Thread.currentThread();
		List<Runnable> held = new CopyOnWriteArrayList<>();
		List<Thread> ranOn = new CopyOnWriteArrayList<>();
		new BulkLogout(held::add, 3).run(ids("a", "b", "c"), (id) -> {
			ranOn.add(Thread.currentThread());
			return OK;
		}, this.succeeded, this.failed);
		assertThat(this.succeeded).containsOnlyKeys("a", "b", "c");
		assertThat(ranOn).containsOnly(caller);
		assertThat(held).hasSize(2);
		held.forEach(Runnable::run);
		assertThat(ranOn).as("a share started late does nothing").hasSize(3);
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
