package com.insprl.http;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import com.insprl.http.internal.DeadlineExceededException;
import com.insprl.http.internal.TransportFailure;
import org.jspecify.annotations.Nullable;

/**
 * One request and its reply, from the moment the request goes out until the reply is read
 * or given up: the unit the deadline applies to.
 * <p>
 * When the deadline passes, the attempt is aborted: the client library's own cancel is
 * used where the library offers one (it closes the connection whatever the exchange is
 * doing), otherwise the reply body is closed, which the libraries without a cancel treat
 * as an abort. Before there is a body, a library without a cancel ends the wait for the
 * reply's head with its own timer, set to the same deadline. Either way the connection is
 * abandoned, never drained, and no thread is interrupted.
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

	private final @Nullable InFlight inFlight;

	private final AtomicBoolean finished = new AtomicBoolean();

	Attempt(Duration deadline) {
		this(deadline, null);
	}

	/**
	 * Create an attempt, counted among the transport's until it is finished.
	 * @param deadline when it is aborted
	 * @param inFlight the transport's attempts in flight, or {@code null}
	 */
	Attempt(Duration deadline, @Nullable InFlight inFlight) {
		this.deadline = deadline;
		this.inFlight = inFlight;
		if (inFlight != null) {
			inFlight.started();
		}
	}

	/**
	 * Return the attempt the calling thread is making, for client library hooks that run
	 * on it while the request is created and sent.
	 * @return the attempt, or {@code null} outside one
	 */
	static @Nullable Attempt current() {
		return current.get();
	}

	/**
	 * The calling thread makes the attempt, until {@link #leave()}.
	 */
	void enter() {
		current.set(this);
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
		if (this.inFlight != null && this.finished.compareAndSet(false, true)) {
			this.inFlight.ended();
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
	 * Abandon the exchange: cancel it in the library, or close its body. Before there is
	 * a body, a library without a cancel is left to its own timer.
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
		}
	}

	/**
	 * Return what a failure of the exchange stands for: past the deadline, any failure is
	 * the deadline's doing. A failure that ended a wait because the thread was
	 * interrupted (which some libraries report with the interrupt flag cleared) leaves
	 * the flag set, so that the caller sees the interrupt.
	 * @param failure the failure the library reported
	 * @return the failure to report
	 */
	IOException translate(IOException failure) {
		keepInterrupt(failure);
		if (this.expired && !(failure instanceof DeadlineExceededException)) {
			return new DeadlineExceededException(this.deadline, failure);
		}
		return failure;
	}

	/**
	 * The exchange failed before its reply: abandon what the library may still be doing
	 * (a library that gave up waiting may not have cancelled the exchange itself).
	 * @param failure the failure
	 */
	void failed(Throwable failure) {
		keepInterrupt(failure);
		finish();
		abort();
	}

	private static void keepInterrupt(Throwable failure) {
		if (TransportFailure.of(failure) == TransportFailure.INTERRUPTED) {
			Thread.currentThread().interrupt();
		}
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
