package com.insprl.http;

import java.io.Closeable;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link Attempt}: what an abort does to a cancel or a body the client library
 * registers only after it.
 */
class AttemptTests {

	private final Attempt attempt = new Attempt(Duration.ofSeconds(5));

	private final AtomicInteger cancels = new AtomicInteger();

	private final AtomicInteger bodyCloses = new AtomicInteger();

	private final Closeable body = this.bodyCloses::incrementAndGet;

	@Test
	void aCancelRegisteredAfterTheAbortRunsAtOnce() {
		this.attempt.abort();
		this.attempt.onCancel(this.cancels::incrementAndGet);
		assertThat(this.cancels).hasValue(1);
	}

	@Test
	void aCancelThatFailsAfterTheAbortIsNotThrownToTheLibrary() {
		this.attempt.abort();
		this.attempt.onCancel(() -> {
			this.cancels.incrementAndGet();
			throw new IllegalStateException("already closed");
		});
		assertThat(this.cancels).hasValue(1);
	}

	@Test
	void aBodyRegisteredAfterTheAbortIsClosedAtOnceWhenTheLibraryHasNoCancel() {
		this.attempt.abort();
		this.attempt.onBody(this.body);
		assertThat(this.bodyCloses).hasValue(1);
	}

	@Test
	void aBodyRegisteredAfterTheAbortIsLeftToTheLibrarysCancel() {
		this.attempt.onCancel(this.cancels::incrementAndGet);
		this.attempt.abort();
		this.attempt.onBody(this.body);
		assertThat(this.cancels).hasValue(1);
		assertThat(this.bodyCloses).hasValue(0);
	}

	@Test
	void nothingIsClosedOrCancelledBeforeAnAbort() {
		this.attempt.onCancel(this.cancels::incrementAndGet);
		this.attempt.onBody(this.body);
		assertThat(this.cancels).hasValue(0);
		assertThat(this.bodyCloses).hasValue(0);
		this.attempt.abort();
		this.attempt.abort();
		assertThat(this.cancels).as("an attempt is aborted once").hasValue(1);
		assertThat(this.bodyCloses).hasValue(0);
	}

}
