package com.insprl.test;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes the little JSON the stand-in's replies need.
 */
final class Json {

	private Json() {
	}

	static String object(Map<String, List<String>> fields) {
		return fields.entrySet()
			.stream()
			.map((field) -> string(field.getKey()) + ":"
					+ field.getValue().stream().map(Json::string).collect(Collectors.joining(",", "[", "]")))
			.collect(Collectors.joining(",", "{", "}"));
	}

	static String string(String text) {
		StringBuilder json = new StringBuilder(text.length() + 2).append('"');
		for (char c : text.toCharArray()) {
			switch (c) {
				case '"' -> json.append("\\\"");
				case '\\' -> json.append("\\\\");
				default -> {
					if (c < 0x20) {
						json.append(String.format("\\u%04x", (int) c));
					}
					else {
						json.append(c);
					}
				}
			}
		}
		return json.append('"').toString();
	}

}
