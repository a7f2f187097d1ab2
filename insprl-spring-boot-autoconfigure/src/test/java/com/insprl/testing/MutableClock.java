package com.insprl.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.function.LongSupplier;

/**
 * A clock a test moves by hand.
 */
public final class MutableClock extends Clock implements LongSupplier {

	private Instant now = Instant.parse("2026-11-25T10:00:00Z");

	private long nanoTime = -123_456_789_000L;

	/**
	 * Let time pass: the wall clock and the monotonic clock both move on.
	 * @param duration how long
	 */
	public void advance(Duration duration) {
		this.now = this.now.plus(duration);
		this.nanoTime += duration.toNanos();
	}

	/**
	 * Step the wall clock alone, as an NTP correction or a resumed virtual machine does:
	 * no time passes on the monotonic clock.
	 * @param step how far, back when negative
	 */
	public void step(Duration step) {
		this.now = this.now.plus(step);
	}

	@Override
	public Instant instant() {
		return this.now;
	}

	/**
	 * Return the monotonic clock's reading, as {@link System#nanoTime()} gives it: its
	 * origin is arbitrary (negative here, as it may be).
	 * @return the time, in nanoseconds
	 */
	@Override
	public long getAsLong() {
		return this.nanoTime;
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return this;
	}

}
