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
 * taking ids and the logouts in flight are interrupted; every id not done is then a
 * failure that says so.
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
				running.remove(Thread.currentThread());
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
		try {
			done.await();
		}
		catch (InterruptedException ex) {
			cancelled.set(true);
			running.forEach(Thread::interrupt);
			Thread.currentThread().interrupt();
		}
		if (unexpected.get() != null) {
			throw unexpected.get();
		}
		for (String id : ids) {
			if (!succeeded.containsKey(id) && !failed.containsKey(id)) {
				failed.put(id, new InsprlConnectionException("Not sent: the bulk logout was interrupted",
						InsprlWhatsAppService.LOGOUT.name(), InsprlConnectionException.Reason.IO_ERROR, null));
			}
		}
	}

}
