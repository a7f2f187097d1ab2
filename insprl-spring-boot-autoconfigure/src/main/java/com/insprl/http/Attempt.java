package com.insprl.http;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import com.insprl.http.internal.DeadlineExceededException;
import org.jspecify.annotations.Nullable;

/**
 * One request and its reply, from the moment the request goes out until the reply is read
 * or given up: the unit the deadline applies to.
 * <p>
 * When the deadline passes, the attempt is aborted: the client library's own cancel is
 * used where the library offers one (it closes the connection whatever the exchange is
 * doing), otherwise the reply body is closed, which the libraries without a cancel treat
 * as an abort; before there is a body, the thread waiting for the reply's head is
 * interrupted (the JDK client, Jetty and Reactor Netty give up the exchange when it is),
 * and its interrupt is cleared once the request has returned. Either way the connection
 * is abandoned, never drained.
 */
final class Attempt {

	private static final ThreadLocal<Attempt> current = new ThreadLocal<>();

	private final Duration deadline;

	private final AtomicBoolean aborted = new AtomicBoolean();

	private volatile boolean expired;

	private volatile @Nullable Runnable cancel;

	private volatile boolean cancelReleases;

	private volatile @Nullable Closeable body;

	private @Nullable ScheduledFuture<?> timer;

	private @Nullable Thread waiting;

	private boolean interrupted;

	Attempt(Duration deadline) {
		this.deadline = deadline;
	}

	/**
	 * Return the attempt the calling thread is making, for client library hooks that run
	 * on it while the request is created and sent.
	 * @return the attempt, or {@code null} outside one
	 */
	static Attempt current() {
		return current.get();
	}

	/**
	 * The calling thread makes the attempt: until {@link #stopWaiting()}, it is the
	 * thread an abort interrupts when the library offers no cancel and there is no body
	 * yet to close (it is waiting for the reply's head).
	 */
	void begin() {
		current.set(this);
		synchronized (this) {
			this.waiting = Thread.currentThread();
		}
	}

	/**
	 * The request's {@code execute} is over: an abort interrupts nothing more, and an
	 * interrupt the abort made is cleared, so the thread goes on as it was.
	 */
	synchronized void stopWaiting() {
		this.waiting = null;
		if (this.interrupted) {
			Thread.interrupted();
			this.interrupted = false;
		}
	}

	private synchronized void interruptWaiting() {
		Thread thread = this.waiting;
		if (thread != null && !this.interrupted && !thread.isInterrupted()) {
			this.interrupted = true;
			thread.interrupt();
		}
	}

	static void leave() {
		current.remove();
	}

	void arm(AttemptWatchdog watchdog) {
		this.timer = watchdog.schedule(this::expire, this.deadline);
	}

	/**
	 * The attempt is over (its reply closed or its request failed): stop its timer.
	 */
	void finish() {
		ScheduledFuture<?> armed = this.timer;
		if (armed != null) {
			armed.cancel(false);
		}
	}

	/**
	 * Register the client library's own way to cancel the exchange at once.
	 * @param cancel closes the connection whatever the exchange is doing
	 */
	void onCancel(Runnable cancel) {
		this.cancel = cancel;
		if (this.aborted.get()) {
			quietly(cancel);
		}
	}

	/**
	 * Register the client library's own way to cancel the exchange, where the cancel also
	 * releases all the exchange holds: once the attempt is aborted, the library's
	 * response is not closed as well, since its close would drain the reply (as the JDK's
	 * {@code HttpURLConnection} does) while the cancel may still be under way.
	 * @param cancel closes the connection and releases the exchange
	 */
	void onReleasingCancel(Runnable cancel) {
		this.cancelReleases = true;
		onCancel(cancel);
	}

	/**
	 * Return whether the attempt was aborted through a cancel that releases the exchange,
	 * so that the library's response must not be closed.
	 * @return {@code true} if the response is left to the cancel
	 */
	boolean isReleasedByCancel() {
		return this.cancelReleases && this.aborted.get();
	}

	/**
	 * Register the reply body, closed on abort when the library offers no cancel.
	 * @param body the body as the library hands it out
	 */
	void onBody(Closeable body) {
		this.body = body;
		if (this.aborted.get() && this.cancel == null) {
			closeQuietly(body);
		}
	}

	boolean isExpired() {
		return this.expired;
	}

	Duration deadline() {
		return this.deadline;
	}

	private void expire() {
		this.expired = true;
		abort();
	}

	/**
	 * Abandon the exchange: cancel it in the library, or close its body.
	 */
	void abort() {
		if (!this.aborted.compareAndSet(false, true)) {
			return;
		}
		Runnable libraryCancel = this.cancel;
		if (libraryCancel != null) {
			quietly(libraryCancel);
			return;
		}
		Closeable open = this.body;
		if (open != null) {
			closeQuietly(open);
			return;
		}
		interruptWaiting();
	}

	/**
	 * Return what a failure of the exchange stands for: past the deadline, any failure is
	 * the deadline's doing.
	 * @param failure the failure the library reported
	 * @return the failure to report
	 */
	IOException translate(IOException failure) {
		if (this.expired && !(failure instanceof DeadlineExceededException)) {
			return new DeadlineExceededException(this.deadline, failure);
		}
		return failure;
	}

	private static void quietly(Runnable action) {
		try {
			action.run();
		}
		catch (RuntimeException ex) {
			// the exchange is being abandoned: nothing more to do
		}
	}

	private static void closeQuietly(Closeable closeable) {
		try {
			closeable.close();
		}
		catch (IOException | RuntimeException ex) {
			// the exchange is being abandoned: nothing more to do
		}
	}

}
