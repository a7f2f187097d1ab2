package com.insprl.client;

import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import com.insprl.whatsapp.InsprlWhatsAppService;

/**
 * Calls made on a thread of the application's own, each interrupted by another thread at
 * a chosen moment, and what the caller saw. An interrupt is sent only while the call is
 * running (between the moment it starts and the moment it returns), so that it is the
 * call's to see.
 */
final class InterruptedCalls implements AutoCloseable {

	private static final int IDLE = 0;

	private static final int CALLING = 1;

	private static final int DONE = 2;

	private static final int INTERRUPTING = 3;

	private static final long SPIN_NANOS = 50_000;

	private final InsprlWhatsAppService service;

	private final SynchronousQueue<Round> rounds = new SynchronousQueue<>();

	private final Thread caller;

	InterruptedCalls(InsprlWhatsAppService service) {
		this.service = service;
		this.caller = new Thread(this::callAll, "application-caller");
		this.caller.setDaemon(true);
		this.caller.start();
	}

	/**
	 * Make calls without interrupting them, and return the median time one took.
	 * @param count how many
	 * @return the median, in nanoseconds
	 * @throws InterruptedException if interrupted
	 */
	long medianNanos(int count) throws InterruptedException {
		long[] times = new long[count];
		for (int i = 0; i < count; i++) {
			Round round = new Round();
			this.rounds.put(round);
			times[i] = round.outcome.join().nanos();
		}
		Arrays.sort(times);
		return times[count / 2];
	}

	/**
	 * Make a call, and interrupt it once the given time has passed since it started,
	 * unless it is over by then.
	 * @param delayNanos when to interrupt
	 * @return what the caller saw
	 * @throws Exception if the call did not end in time
	 */
	Outcome interruptAfter(long delayNanos) throws Exception {
		Round round = new Round();
		this.rounds.put(round);
		while (round.state.get() == IDLE) {
			Thread.onSpinWait();
		}
		long at = round.started + delayNanos;
		// parked for most of the wait, spinning for its last moments only, so that a
		// busy machine keeps its processors for the call and the server
		long left;
		while ((left = at - System.nanoTime()) > SPIN_NANOS && round.state.get() == CALLING) {
			LockSupport.parkNanos(left - SPIN_NANOS);
		}
		while (System.nanoTime() < at && round.state.get() == CALLING) {
			Thread.onSpinWait();
		}
		if (round.state.compareAndSet(CALLING, INTERRUPTING)) {
			this.caller.interrupt();
			round.where = this.caller.getStackTrace();
			round.interruptSent = true;
		}
		return round.outcome.get(30, TimeUnit.SECONDS);
	}

	private void callAll() {
		while (true) {
			Round round;
			try {
				round = this.rounds.take();
			}
			catch (InterruptedException ex) {
				return;
			}
			round.started = System.nanoTime();
			round.state.set(CALLING);
			Object result;
			try {
				result = this.service.logout("inst-1");
			}
			catch (RuntimeException ex) {
				result = ex;
			}
			long nanos = System.nanoTime() - round.started;
			boolean interrupted = !round.state.compareAndSet(CALLING, DONE);
			if (interrupted) {
				// the interrupt was sent while the call ran: wait until it is delivered
				while (!round.interruptSent) {
					Thread.onSpinWait();
				}
			}
			boolean flagSet = Thread.interrupted();
			round.outcome.complete(new Outcome(interrupted, result, flagSet, nanos, round.where));
		}
	}

	@Override
	public void close() {
		this.caller.interrupt();
	}

	private static final class Round {

		final AtomicInteger state = new AtomicInteger(IDLE);

		volatile long started;

		volatile boolean interruptSent;

		volatile StackTraceElement[] where;

		final CompletableFuture<Outcome> outcome = new CompletableFuture<>();

	}

	/**
	 * What a call ended with.
	 *
	 * @param interrupted whether an interrupt was sent while it ran
	 * @param result its result, or the exception it threw
	 * @param flagSet whether the thread's interrupt flag was set once it returned
	 * @param nanos how long it took
	 */
	record Outcome(boolean interrupted, Object result, boolean flagSet, long nanos, StackTraceElement[] where) {

		boolean endedInterrupted() {
			return this.result instanceof InsprlConnectionException ex
					&& ex.getReason() == InsprlConnectionException.Reason.INTERRUPTED;
		}

	}

}
