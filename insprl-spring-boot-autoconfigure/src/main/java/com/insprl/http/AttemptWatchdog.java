package com.insprl.http;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * Fires each attempt's deadline. One daemon thread for the whole transport, started with
 * the first attempt; a finished attempt's timer is removed at once, so a busy client keeps
 * no backlog of timers.
 */
final class AttemptWatchdog implements AutoCloseable {

	private final ScheduledThreadPoolExecutor timer;

	AttemptWatchdog() {
		CustomizableThreadFactory threads = new CustomizableThreadFactory("insprl-deadline-");
		threads.setDaemon(true);
		this.timer = new ScheduledThreadPoolExecutor(1, threads);
		this.timer.setRemoveOnCancelPolicy(true);
	}

	ScheduledFuture<?> schedule(Runnable task, Duration delay) {
		try {
			return this.timer.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (RejectedExecutionException ex) {
			throw new IllegalStateException("The insprl HTTP transport is closed", ex);
		}
	}

	@Override
	public void close() {
		this.timer.shutdownNow();
	}

}
