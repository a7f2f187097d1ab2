package com.insprl.http;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * Fires each attempt's deadline. One daemon thread for the whole transport, started with
 * the first attempt; a finished attempt's timer is removed at once, so a busy client
 * keeps no backlog of timers.
 * <p>
 * The thread sleeps until the earliest timer is due, and is woken when a new timer is due
 * earlier still. A heartbeat timer due every {@value #HEARTBEAT_SECONDS} seconds keeps a
 * new deadline (35 s by default) from ever being the earliest, so that arming and
 * cancelling a deadline never wakes the thread: calls cost no context switch, and an idle
 * application sees the thread wake six times a minute.
 */
final class AttemptWatchdog implements AutoCloseable {

	static final long HEARTBEAT_SECONDS = 10;

	private final ScheduledThreadPoolExecutor timer;

	private volatile boolean started;

	AttemptWatchdog() {
		CustomizableThreadFactory threads = new CustomizableThreadFactory("insprl-deadline-");
		threads.setDaemon(true);
		this.timer = new ScheduledThreadPoolExecutor(1, threads);
		this.timer.setRemoveOnCancelPolicy(true);
	}

	ScheduledFuture<?> schedule(Runnable task, Duration delay) {
		try {
			if (!this.started) {
				startHeartbeat();
			}
			return this.timer.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (RejectedExecutionException ex) {
			throw new IllegalStateException("The insprl HTTP transport is closed", ex);
		}
	}

	private synchronized void startHeartbeat() {
		if (!this.started) {
			this.timer.scheduleAtFixedRate(() -> {
			}, HEARTBEAT_SECONDS, HEARTBEAT_SECONDS, TimeUnit.SECONDS);
			this.started = true;
		}
	}

	@Override
	public void close() {
		this.timer.shutdownNow();
	}

}
