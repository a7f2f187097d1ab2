package com.insprl.client.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link RequestBodies}.
 */
class RequestBodiesTests {

	@Test
	void formFieldsAreEncodedAsUrlEncoderEncodesThem() {
		String[] values = { "", "plain-value_1.0*", "a b", "&=+%?#/", "~!'()", "ü", "日本語", "😀 x", "\uD800x", "x\uDC00",
				"a\u0000b", "\r\n\t" };
		for (String value : values) {
			assertThat(form(Map.of("instance_id", value))).as(escaped(value))
				.isEqualTo(reference(Map.of("instance_id", value)));
		}
	}

	@Test
	void randomTextIsEncodedAsUrlEncoderEncodesIt() {
		Random random = new Random(31);
		for (int i = 0; i < 2_000; i++) {
			StringBuilder text = new StringBuilder();
			int length = random.nextInt(12);
			for (int j = 0; j < length; j++) {
				int kind = random.nextInt(4);
				int codePoint = switch (kind) {
					case 0 -> random.nextInt(128);
					case 1 -> 0x80 + random.nextInt(0x780);
					case 2 -> Character.MIN_SUPPLEMENTARY_CODE_POINT
							+ random.nextInt(Character.MAX_CODE_POINT - Character.MIN_SUPPLEMENTARY_CODE_POINT);
					default -> bmpOutsideSurrogates(random.nextInt(0x10000 - 0x800));
				};
				text.appendCodePoint(codePoint);
			}
			Map<String, Object> fields = new LinkedHashMap<>();
			fields.put("field " + i, text.toString());
			fields.put("number", i);
			assertThat(form(fields)).as(escaped(text)).isEqualTo(reference(fields));
		}
	}

	@Test
	void aLoneSurrogateIsSentAsAQuestionMarkOnEveryJdk() {
		// as String.getBytes(UTF_8) has it; URLEncoder on Java 25 drops a trailing one
		assertThat(form(Map.of("instance_id", "\uD800x"))).isEqualTo("client_id=id&instance_id=%3Fx");
		assertThat(form(Map.of("instance_id", "x\uDC00"))).isEqualTo("client_id=id&instance_id=x%3F");
		assertThat(form(Map.of("instance_id", "x\uD800"))).isEqualTo("client_id=id&instance_id=x%3F");
		assertThat(form(Map.of("instance_id", "é\uD800 "))).isEqualTo("client_id=id&instance_id=%C3%A9%3F+");
	}

	@Test
	void clientIdComesFirstAndFieldsKeepTheirOrder() {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("b", "2");
		fields.put("a", 1);
		assertThat(new String(RequestBodies.form("client one", fields), StandardCharsets.US_ASCII))
			.isEqualTo("client_id=client+one&b=2&a=1");
	}

	private static int bmpOutsideSurrogates(int index) {
		return (index < Character.MIN_SURROGATE) ? index : index + 0x800;
	}

	private static String escaped(CharSequence text) {
		StringBuilder escaped = new StringBuilder();
		text.chars().forEach((c) -> escaped.append(String.format("\\u%04x", c)));
		return escaped.toString();
	}

	private static String form(Map<String, ?> fields) {
		return new String(RequestBodies.form("id", fields), StandardCharsets.US_ASCII);
	}

	private static String reference(Map<String, ?> fields) {
		StringBuilder form = new StringBuilder("client_id=id");
		fields.forEach((name, value) -> form.append('&')
			.append(URLEncoder.encode(name, StandardCharsets.UTF_8))
			.append('=')
			.append(URLEncoder.encode(String.valueOf(value), StandardCharsets.UTF_8)));
		return form.toString();
	}

}
