package com.insprl.whatsapp;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import com.insprl.client.InsprlConnectionException;
import com.insprl.client.InsprlException;
import org.jspecify.annotations.Nullable;

import org.springframework.core.task.TaskDecorator;
import org.springframework.core.task.support.ContextPropagatingTaskDecorator;
import org.springframework.util.ClassUtils;

/**
 * One bulk logout: at most {@code concurrency} logouts at once, each share taking the
 * next id until none is left. The caller's thread does one share itself and hands the
 * others to the executor, in the caller's context; it waits only for the shares that the
 * executor has started, so a bulk logout finishes whatever the executor does: called from
 * the executor's only thread, on a throttled executor, or on one that refuses (the caller
 * then does every share). A share the executor starts once the ids are all taken does
 * nothing. If the caller is interrupted, no share takes another id, the logouts in flight
 * are interrupted and waited for, and every id never sent is then a failure that says so.
 */
final class BulkLogout {

	/**
	 * Carries the caller's thread-local context (its current observation, the MDC,
	 * whatever is registered with Micrometer's context propagation) to the threads that
	 * work for it, whatever executor runs them; without
	 * {@code io.micrometer:context-propagation} on the class path (Micrometer Tracing
	 * brings it), tasks run as they are.
	 */
	private static final TaskDecorator CALLERS_CONTEXT = ClassUtils
		.isPresent("io.micrometer.context.ContextSnapshotFactory", BulkLogout.class.getClassLoader())
				? new ContextPropagatingTaskDecorator() : (task) -> task;

	private final Executor executor;

	private final int concurrency;

	BulkLogout(Executor executor, int concurrency) {
		this.executor = executor;
		this.concurrency = concurrency;
	}

	void run(Set<String> ids, Function<String, LogoutResult> logout, Map<String, LogoutResult> succeeded,
			Map<String, InsprlException> failed) {
		Shares shares = new Shares(new ConcurrentLinkedQueue<>(ids), logout, succeeded, failed);
		Runnable worker = CALLERS_CONTEXT.decorate(shares::work);
		int workers = Math.min(this.concurrency, ids.size());
		for (int i = 1; i < workers; i++) {
			try {
				this.executor.execute(worker);
			}
			catch (RejectedExecutionException ex) {
				// the caller's own share takes the ids this one would have
				break;
			}
		}
		shares.workOnCallersThread();
		if (shares.awaitWorkers()) {
			Thread.currentThread().interrupt();
		}
		RuntimeException unexpected = shares.unexpected.get();
		if (unexpected != null) {
			throw unexpected;
		}
		for (String id : shares.queue) {
			failed.put(id, new InsprlConnectionException("Not sent: the bulk logout was interrupted",
					InsprlWhatsAppService.LOGOUT.name(), InsprlConnectionException.Reason.INTERRUPTED, null));
		}
	}

	/**
	 * The ids left and the shares working on them. A share on the executor joins only
	 * while the bulk logout is open, and is then waited for; once the caller's own share
	 * is done the bulk logout closes, and a share that starts later does nothing.
	 */
	private static final class Shares {

		final ConcurrentLinkedQueue<String> queue;

		final AtomicReference<@Nullable RuntimeException> unexpected = new AtomicReference<>();

		private final Function<String, LogoutResult> logout;

		private final Map<String, LogoutResult> succeeded;

		private final Map<String, InsprlException> failed;

		private final AtomicBoolean cancelled = new AtomicBoolean();

		/**
		 * The executor's threads working now that an interrupt has not reached yet;
		 * guarded by this.
		 */
		private final Set<Thread> running = new HashSet<>();

		/** The shares on the executor's threads working now; guarded by this. */
		private int active;

		/** Whether shares may still join; guarded by this. */
		private boolean open = true;

		Shares(ConcurrentLinkedQueue<String> queue, Function<String, LogoutResult> logout,
				Map<String, LogoutResult> succeeded, Map<String, InsprlException> failed) {
			this.queue = queue;
			this.logout = logout;
			this.succeeded = succeeded;
			this.failed = failed;
		}

		/**
		 * A share on one of the executor's threads.
		 */
		void work() {
			synchronized (this) {
				if (!this.open) {
					return;
				}
				this.running.add(Thread.currentThread());
				this.active++;
			}
			try {
				takeIds(false);
			}
			finally {
				leave();
			}
		}

		/**
		 * The caller's own share. An interrupt of the caller, seen by its logout in
		 * flight or between two ids, stops every share taking more.
		 */
		void workOnCallersThread() {
			takeIds(true);
			if (Thread.currentThread().isInterrupted()) {
				this.cancelled.set(true);
			}
		}

		/**
		 * Take ids until none is left or the shares are cancelled. The executor's threads
		 * stop only when the caller cancels, whatever their own interrupt flag says; the
		 * caller's thread stops when it is interrupted.
		 * @param onCallersThread whether this is the caller's own share
		 */
		private void takeIds(boolean onCallersThread) {
			try {
				String id;
				while (!this.cancelled.get() && !(onCallersThread && Thread.currentThread().isInterrupted())
						&& (id = this.queue.poll()) != null) {
					try {
						this.succeeded.put(id, this.logout.apply(id));
					}
					catch (InsprlException ex) {
						this.failed.put(id, ex);
					}
				}
			}
			catch (RuntimeException ex) {
				this.unexpected.compareAndSet(null, ex);
				this.cancelled.set(true);
			}
		}

		/**
		 * Close the bulk logout to shares that have not started, and wait until those
		 * working are done. An interrupt stops the shares taking ids and interrupts the
		 * logouts in flight, whose outcomes are still waited for: an id is either done,
		 * with its outcome, or was never sent.
		 * @return whether the caller was interrupted
		 */
		boolean awaitWorkers() {
			boolean interrupted = Thread.interrupted();
			synchronized (this) {
				this.open = false;
				if (interrupted) {
					interruptRunning();
				}
				while (this.active > 0) {
					try {
						wait();
					}
					catch (InterruptedException ex) {
						if (!interrupted) {
							interrupted = true;
							interruptRunning();
						}
					}
				}
			}
			return interrupted;
		}

		private void interruptRunning() {
			this.cancelled.set(true);
			this.running.forEach(Thread::interrupt);
			this.running.clear();
		}

		/**
		 * A share leaves: once it has, it is never interrupted for this bulk logout, and
		 * an interrupt this bulk logout sent it is cleared, so that the executor's thread
		 * goes on as it was.
		 */
		private synchronized void leave() {
			this.active--;
			if (!this.running.remove(Thread.currentThread())) {
				// interrupted, and taken out of the running set, by the caller
				Thread.interrupted();
			}
			notifyAll();
		}

	}

}
