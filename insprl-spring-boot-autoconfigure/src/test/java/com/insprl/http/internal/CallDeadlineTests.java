package com.insprl.http.internal;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CallDeadline}: which deadline caps an attempt, as scopes open and
 * close on the calling thread.
 */
class CallDeadlineTests {

	private static final Duration ATTEMPT = Duration.ofSeconds(30);

	@Test
	void withoutAScopeAnAttemptKeepsItsOwnDeadline() {
		assertThat(CallDeadline.cap(ATTEMPT)).isEqualTo(ATTEMPT);
		try (CallDeadline.Scope scope = CallDeadline.none()) {
			assertThat(CallDeadline.cap(ATTEMPT)).isEqualTo(ATTEMPT);
		}
	}

	@Test
	void aScopeCapsAnAttemptByWhatTheCallHasLeftUntilItIsClosed() {
		try (CallDeadline.Scope scope = CallDeadline.until(System.nanoTime() + Duration.ofSeconds(10).toNanos())) {
			assertThat(CallDeadline.cap(ATTEMPT)).isLessThanOrEqualTo(Duration.ofSeconds(10))
				.isGreaterThan(Duration.ofSeconds(1));
			assertThat(CallDeadline.cap(Duration.ofSeconds(2))).isEqualTo(Duration.ofSeconds(2));
		}
		assertThat(CallDeadline.cap(ATTEMPT)).isEqualTo(ATTEMPT);
	}

	@Test
	void aCallWhoseBudgetIsSpentStillGivesAnAttemptAMillisecond() {
		try (CallDeadline.Scope scope = CallDeadline.until(System.nanoTime() - Duration.ofSeconds(1).toNanos())) {
			assertThat(CallDeadline.cap(ATTEMPT)).isEqualTo(Duration.ofMillis(1));
		}
	}

	@Test
	void closingAnInnerScopeRestoresTheOuterCallsDeadline() {
		long now = System.nanoTime();
		try (CallDeadline.Scope outer = CallDeadline.until(now + Duration.ofSeconds(20).toNanos())) {
			try (CallDeadline.Scope inner = CallDeadline.until(now + Duration.ofSeconds(5).toNanos())) {
				assertThat(CallDeadline.cap(ATTEMPT)).isLessThanOrEqualTo(Duration.ofSeconds(5));
			}
			assertThat(CallDeadline.cap(ATTEMPT)).isGreaterThan(Duration.ofSeconds(5))
				.isLessThanOrEqualTo(Duration.ofSeconds(20));
		}
		assertThat(CallDeadline.cap(ATTEMPT)).isEqualTo(ATTEMPT);
	}

}
