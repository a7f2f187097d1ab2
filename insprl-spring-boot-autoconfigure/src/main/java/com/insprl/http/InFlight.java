package com.insprl.http;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The attempts in flight on a transport, so that closing it (as the application context
 * closes) lets each attempt finish with what insprl answered, and releases what the
 * transport opened once the last one is over. No attempt starts once it is closing.
 */
final class InFlight {

	private int attempts;

	private boolean closing;

	private @Nullable Runnable release;

	synchronized void started() {
		Assert.state(!this.closing, "The insprl HTTP transport is closed");
		this.attempts++;
	}

	void ended() {
		Runnable now;
		synchronized (this) {
			this.attempts--;
			now = (this.attempts == 0) ? this.release : null;
			if (now != null) {
				this.release = null;
			}
		}
		if (now != null) {
			now.run();
		}
	}

	/**
	 * Start no more attempts, and run the release once none is in flight: at once if none
	 * is.
	 * @param release what to run
	 */
	void close(Runnable release) {
		Runnable now;
		synchronized (this) {
			if (this.closing) {
				return;
			}
			this.closing = true;
			now = (this.attempts == 0) ? release : null;
			if (now == null) {
				this.release = release;
			}
		}
		if (now != null) {
			now.run();
		}
	}

}
