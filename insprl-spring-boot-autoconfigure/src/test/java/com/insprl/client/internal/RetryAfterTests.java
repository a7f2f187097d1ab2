package com.insprl.client.internal;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link RetryAfter}.
 */
class RetryAfterTests {

	@Test
	void retryAfterInSecondsIsRead() {
		assertThat(RetryAfter.parse("7")).isEqualTo(Duration.ofSeconds(7));
		assertThat(RetryAfter.parse(" 0 ")).isEqualTo(Duration.ZERO);
	}

	@Test
	void retryAfterAsAnHttpDateIsTheWaitUntilThen() {
		String inTwoMinutes = DateTimeFormatter.RFC_1123_DATE_TIME
			.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(120));
		assertThat(RetryAfter.parse(inTwoMinutes)).isBetween(Duration.ofSeconds(100), Duration.ofSeconds(120));
		assertThat(RetryAfter.parse("Wed, 21 Oct 2015 07:28:00 GMT")).as("a date in the past").isEqualTo(Duration.ZERO);
	}

	@Test
	void unusableRetryAfterIsIgnored() {
		assertThat(RetryAfter.parse(null)).isNull();
		assertThat(RetryAfter.parse("")).isNull();
		assertThat(RetryAfter.parse("-5")).isNull();
		assertThat(RetryAfter.parse("soon")).isNull();
	}

}
