package com.insprl.client;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the pure parts of {@link ReplyDecoder}.
 */
class ReplyDecoderTests {

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void retryAfterInSecondsIsRead() {
		assertThat(ReplyDecoder.retryAfter("7")).isEqualTo(Duration.ofSeconds(7));
		assertThat(ReplyDecoder.retryAfter(" 0 ")).isEqualTo(Duration.ZERO);
	}

	@Test
	void retryAfterAsAnHttpDateIsTheWaitUntilThen() {
		String inTwoMinutes = DateTimeFormatter.RFC_1123_DATE_TIME
			.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(120));
		assertThat(ReplyDecoder.retryAfter(inTwoMinutes)).isBetween(Duration.ofSeconds(100), Duration.ofSeconds(120));
		assertThat(ReplyDecoder.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT")).as("a date in the past")
			.isEqualTo(Duration.ZERO);
	}

	@Test
	void unusableRetryAfterIsIgnored() {
		assertThat(ReplyDecoder.retryAfter(null)).isNull();
		assertThat(ReplyDecoder.retryAfter("")).isNull();
		assertThat(ReplyDecoder.retryAfter("-5")).isNull();
		assertThat(ReplyDecoder.retryAfter("soon")).isNull();
	}

	@Test
	void codeIsReadFromAStringOrANumber() {
		assertThat(ReplyDecoder.code(this.json.readTree("\"101\""))).isEqualTo(101);
		assertThat(ReplyDecoder.code(this.json.readTree(" 102"))).isEqualTo(102);
		assertThat(ReplyDecoder.code(this.json.readTree("129"))).isEqualTo(129);
	}

	@Test
	void codeIsReadStrictlyAsAsciiDigits() {
		for (String notACode : new String[] { "\" 100 \"", "\"+100\"", "\"\u0661\u0660\u0660\"", "\"100.0\"", "100.0",
				"-100", "\"\"", "\"ok\"", "true", "null", "[100]", "{\"code\":100}", "\"99999999999\"",
				"99999999999" }) {
			assertThat(ReplyDecoder.code(this.json.readTree(notACode))).as(notACode).isNull();
		}
		assertThat(ReplyDecoder.code(null)).isNull();
	}

	@Test
	void messagesAreFlattenedWithTheirFieldNames() {
		assertThat(ReplyDecoder.messages(this.json.readTree("\"plain\""))).containsExactly("plain");
		assertThat(ReplyDecoder.messages(this.json.readTree("[\"a\", [\"b\"], 3]"))).containsExactly("a", "b", "3");
		assertThat(ReplyDecoder.messages(this.json.readTree("{\"phone\":[\"bad\"],\"meta\":{\"page\":\"too big\"}}")))
			.containsExactly("phone: bad", "meta.page: too big");
		assertThat(ReplyDecoder.messages(this.json.readTree("null"))).isEmpty();
	}

}
