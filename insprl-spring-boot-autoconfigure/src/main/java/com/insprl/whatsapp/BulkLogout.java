package com.insprl.whatsapp;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import com.insprl.client.InsprlConnectionException;
import com.insprl.client.InsprlException;

/**
 * One bulk logout: at most {@code concurrency} workers on the executor, each taking the
 * next id until none is left, in the caller's context. If the executor refuses a worker,
 * the caller's thread does its share. If the caller is interrupted, the workers stop
 * taking ids and the logouts in flight are interrupted and waited for; every id never
 * sent is then a failure that says so.
 */
final class BulkLogout {

	private final Executor executor;

	private final int concurrency;

	BulkLogout(Executor executor, int concurrency) {
		this.executor = executor;
		this.concurrency = concurrency;
	}

	void run(Set<String> ids, Function<String, LogoutResult> logout, Map<String, LogoutResult> succeeded,
			Map<String, InsprlException> failed) {
		ConcurrentLinkedQueue<String> queue = new ConcurrentLinkedQueue<>(ids);
		int workers = Math.min(this.concurrency, ids.size());
		CountDownLatch done = new CountDownLatch(workers);
		AtomicBoolean cancelled = new AtomicBoolean();
		Set<Thread> running = ConcurrentHashMap.newKeySet();
		AtomicReference<RuntimeException> unexpected = new AtomicReference<>();
		Runnable worker = CallerContext.propagate(() -> {
			running.add(Thread.currentThread());
			try {
				String id;
				while (!cancelled.get() && (id = queue.poll()) != null) {
					try {
						succeeded.put(id, logout.apply(id));
					}
					catch (InsprlException ex) {
						failed.put(id, ex);
					}
				}
			}
			catch (RuntimeException ex) {
				unexpected.compareAndSet(null, ex);
				cancelled.set(true);
			}
			finally {
				leave(running);
				done.countDown();
			}
		});
		for (int i = 0; i < workers; i++) {
			try {
				this.executor.execute(worker);
			}
			catch (RejectedExecutionException ex) {
				worker.run();
			}
		}
		if (awaitWorkers(done, running, cancelled)) {
			Thread.currentThread().interrupt();
		}
		if (unexpected.get() != null) {
			throw unexpected.get();
		}
		for (String id : queue) {
			failed.put(id, new InsprlConnectionException("Not sent: the bulk logout was interrupted",
					InsprlWhatsAppService.LOGOUT.name(), InsprlConnectionException.Reason.INTERRUPTED, null));
		}
	}

	/**
	 * Wait until every worker is done. An interrupt stops the workers taking ids and
	 * interrupts the logouts in flight, whose outcomes are still waited for: an id is
	 * either done, with its outcome, or was never sent.
	 * @param done counted down by each worker that is done
	 * @param running the workers' threads that may be interrupted
	 * @param cancelled set when workers are to take no more ids
	 * @return whether the caller was interrupted
	 */
	private static boolean awaitWorkers(CountDownLatch done, Set<Thread> running, AtomicBoolean cancelled) {
		boolean interrupted = false;
		while (true) {
			try {
				done.await();
				return interrupted;
			}
			catch (InterruptedException ex) {
				if (!interrupted) {
					interrupted = true;
					synchronized (running) {
						cancelled.set(true);
						running.forEach(Thread::interrupt);
						running.clear();
					}
				}
			}
		}
	}

	/**
	 * A worker leaves: once it has, it is never interrupted for this bulk logout, and an
	 * interrupt this bulk logout sent it is cleared, so that the executor's thread goes
	 * on as it was.
	 * @param running the workers' threads that may be interrupted
	 */
	private static void leave(Set<Thread> running) {
		synchronized (running) {
			if (!running.remove(Thread.currentThread())) {
				// interrupted, and taken out of the running set, by the caller
				Thread.interrupted();
			}
		}
	}

}
