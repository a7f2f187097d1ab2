package com.insprl.client.internal;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ReplyJson}.
 */
class ReplyJsonTests {

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void codeIsReadFromAStringOrANumber() {
		assertThat(ReplyJson.code(this.json.readTree("\"101\""))).isEqualTo(101);
		assertThat(ReplyJson.code(this.json.readTree(" 102"))).isEqualTo(102);
		assertThat(ReplyJson.code(this.json.readTree("129"))).isEqualTo(129);
	}

	@Test
	void codeIsReadStrictlyAsAsciiDigits() {
		for (String notACode : new String[] { "\" 100 \"", "\"+100\"", "\"\u0661\u0660\u0660\"", "\"100.0\"", "100.0",
				"-100", "\"\"", "\"ok\"", "true", "null", "[100]", "{\"code\":100}", "\"99999999999\"",
				"99999999999" }) {
			assertThat(ReplyJson.code(this.json.readTree(notACode))).as(notACode).isNull();
		}
		assertThat(ReplyJson.code(null)).isNull();
	}

	@Test
	void messagesAreFlattenedWithTheirFieldNames() {
		assertThat(ReplyJson.messages(this.json.readTree("\"plain\""))).containsExactly("plain");
		assertThat(ReplyJson.messages(this.json.readTree("[\"a\", [\"b\"], 3]"))).containsExactly("a", "b", "3");
		assertThat(ReplyJson.messages(this.json.readTree("{\"phone\":[\"bad\"],\"meta\":{\"page\":\"too big\"}}")))
			.containsExactly("phone: bad", "meta.page: too big");
		assertThat(ReplyJson.messages(this.json.readTree("null"))).isEmpty();
	}

}
