package com.insprl.http;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link DeadlineBody}: when a body counts as read to its end, and what closing
 * it does.
 */
class DeadlineBodyTests {

	private final Attempt attempt = new Attempt(Duration.ofSeconds(5));

	private final AtomicInteger cancels = new AtomicInteger();

	@BeforeEach
	void countCancels() {
		this.attempt.onCancel(this.cancels::incrementAndGet);
	}

	@Test
	void anEmptyBodyOfDeclaredLengthZeroIsCompleteAndClosedAsSuch() throws IOException {
		CountingStream in = new CountingStream(new byte[0]);
		DeadlineBody body = new DeadlineBody(in, this.attempt, 0);
		assertThat(body.isComplete()).isTrue();
		body.close();
		assertThat(in.closes).as("the stream's close, which keeps the connection").hasValue(1);
		assertThat(this.cancels).hasValue(0);
	}

	@Test
	void aBodyReadToItsDeclaredLengthIsCompleteAndClosedAsSuch() throws IOException {
		CountingStream in = new CountingStream(new byte[] { 1, 2, 3 });
		DeadlineBody body = new DeadlineBody(in, this.attempt, 3);
		assertThat(body.readNBytes(3)).hasSize(3);
		assertThat(body.isComplete()).isTrue();
		body.close();
		assertThat(in.closes).hasValue(1);
		assertThat(this.cancels).hasValue(0);
	}

	@Test
	void aBodyLeftUnreadIsNotCompleteAndClosingItAbortsTheAttempt() throws IOException {
		CountingStream in = new CountingStream(new byte[] { 1, 2, 3 });
		DeadlineBody body = new DeadlineBody(in, this.attempt, 3);
		assertThat(body.read()).isEqualTo(1);
		assertThat(body.isComplete()).isFalse();
		body.close();
		assertThat(this.cancels).as("the attempt's cancel, which drops the connection").hasValue(1);
		assertThat(in.closes).hasValue(0);
	}

	@Test
	void readingByteByByteGivesEachByteUnsignedThenTheEndAndCompletesABodyOfUnknownLength() throws IOException {
		CountingStream in = new CountingStream(new byte[] { (byte) 0xC3, 0x7F });
		DeadlineBody body = new DeadlineBody(in, this.attempt, -1);
		assertThat(body.available()).isEqualTo(2);
		assertThat(body.read()).isEqualTo(0xC3);
		assertThat(body.available()).isEqualTo(1);
		assertThat(body.read()).isEqualTo(0x7F);
		assertThat(body.isComplete()).as("before its end is seen").isFalse();
		assertThat(body.read()).isEqualTo(-1);
		assertThat(body.isComplete()).isTrue();
	}

	/**
	 * A stream counting the times it is closed.
	 */
	private static final class CountingStream extends ByteArrayInputStream {

		private final AtomicInteger closes = new AtomicInteger();

		CountingStream(byte[] bytes) {
			super(bytes);
		}

		@Override
		public void close() {
			this.closes.incrementAndGet();
		}

	}

}
