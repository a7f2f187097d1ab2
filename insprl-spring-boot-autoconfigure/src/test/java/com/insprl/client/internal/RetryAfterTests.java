package com.insprl.client.internal;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

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
	void retryAfterIsReadInEachOfTheThreeHttpDateFormats() {
		ZonedDateTime inTwoMinutes = ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(120);
		String rfc850 = DateTimeFormatter.ofPattern("EEEE, dd-MMM-yy HH:mm:ss 'GMT'", Locale.US).format(inTwoMinutes);
		String asctime = DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.US).format(inTwoMinutes);
		assertThat(RetryAfter.parse(rfc850)).as(rfc850).isBetween(Duration.ofSeconds(100), Duration.ofSeconds(120));
		assertThat(RetryAfter.parse(asctime)).as(asctime).isBetween(Duration.ofSeconds(100), Duration.ofSeconds(120));
		assertThat(RetryAfter.parse("Sat Nov  6 08:49:37 2094")).as("a day below 10, padded with a space")
			.isGreaterThan(Duration.ofDays(365L * 60));
	}

	@Test
	void datesOfThePastAreNoWait() {
		assertThat(RetryAfter.parse("Sunday, 06-Nov-94 08:49:37 GMT")).as("not read as 2094").isNull();
		assertThat(RetryAfter.parse("Sun Nov  6 08:49:37 1994")).isZero();
		assertThat(RetryAfter.parse("Sun, 06 Nov 1994 08:49:37 GMT")).isZero();
	}

	@Test
	void unusableRetryAfterIsIgnored() {
		assertThat(RetryAfter.parse(null)).isNull();
		assertThat(RetryAfter.parse("")).isNull();
		assertThat(RetryAfter.parse("-5")).isNull();
		assertThat(RetryAfter.parse("soon")).isNull();
	}

}
