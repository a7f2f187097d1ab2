package com.insprl.client;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link InsprlCallOptions}: what options set wins over the options underneath,
 * what they leave unset comes from them.
 */
class InsprlCallOptionsTests {

	private final InsprlCallOptions base = InsprlCallOptions.builder()
		.callTimeout(Duration.ofSeconds(60))
		.maxAttempts(3)
		.build();

	@Test
	void whatOptionsSetWinsOverTheOptionsUnderneath() {
		InsprlCallOptions combined = InsprlCallOptions.builder()
			.callTimeout(Duration.ofSeconds(5))
			.maxAttempts(1)
			.build()
			.over(this.base);
		assertThat(combined.getCallTimeout()).isEqualTo(Duration.ofSeconds(5));
		assertThat(combined.getMaxAttempts()).isEqualTo(1);
	}

	@Test
	void whatOptionsLeaveUnsetComesFromTheOptionsUnderneath() {
		InsprlCallOptions combined = InsprlCallOptions.NONE.over(this.base);
		assertThat(combined.getCallTimeout()).isEqualTo(Duration.ofSeconds(60));
		assertThat(combined.getMaxAttempts()).isEqualTo(3);
	}

	@Test
	void mutatingKeepsWhatWasSetAndChangesOnlyWhatIsSetAgain() {
		InsprlCallOptions changed = this.base.mutate().maxAttempts(2).build();
		assertThat(changed.getCallTimeout()).isEqualTo(Duration.ofSeconds(60));
		assertThat(changed.getMaxAttempts()).isEqualTo(2);
		assertThat(changed).hasToString("InsprlCallOptions{callTimeout=PT1M, maxAttempts=2}");
	}

	@Test
	void valuesOutOfRangeAreRefusedByName() {
		assertThatIllegalArgumentException().isThrownBy(() -> InsprlCallOptions.builder().callTimeout(Duration.ZERO))
			.withMessage("callTimeout must be positive");
		assertThatIllegalArgumentException().isThrownBy(() -> InsprlCallOptions.builder().callTimeout(null))
			.withMessage("callTimeout must be positive");
		assertThatIllegalArgumentException().isThrownBy(() -> InsprlCallOptions.builder().maxAttempts(0))
			.withMessage("maxAttempts must be at least 1");
		assertThat(InsprlCallOptions.builder().callTimeout(Duration.ofNanos(1)).maxAttempts(1).build().getMaxAttempts())
			.isEqualTo(1);
	}

}
