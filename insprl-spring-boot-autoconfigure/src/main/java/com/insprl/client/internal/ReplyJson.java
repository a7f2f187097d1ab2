package com.insprl.client.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * Reads the parts of an insprl reply every operation shares: the API code, the
 * {@code message} and {@code errors} texts, and masks every text of a reply's tree.
 */
public final class ReplyJson {

	private ReplyJson() {
	}

	/**
	 * Read an API code strictly: ASCII digits, as a JSON string or an integral JSON
	 * number.
	 * @param node the {@code code} field, may be {@code null}
	 * @return the code, or {@code null} when the field is absent or not such a code
	 */
	public static @Nullable Integer code(@Nullable JsonNode node) {
		if (node == null) {
			return null;
		}
		if (node.isIntegralNumber()) {
			return (node.canConvertToInt() && node.intValue() >= 0) ? node.intValue() : null;
		}
		if (node.isString()) {
			String text = node.asString();
			if (text.isEmpty() || text.length() > 9) {
				return null;
			}
			for (int i = 0; i < text.length(); i++) {
				char c = text.charAt(i);
				if (c < '0' || c > '9') {
					return null;
				}
			}
			return Integer.valueOf(text);
		}
		return null;
	}

	/**
	 * Flatten a {@code message} or {@code errors} value to lines of text: a string stays
	 * as it is, an array gives one line per element, an object prefixes each line with
	 * its field name.
	 * @param node the value, may be {@code null}
	 * @return the lines
	 */
	public static List<String> messages(@Nullable JsonNode node) {
		List<String> lines = new ArrayList<>();
		collect(node, null, lines);
		return lines;
	}

	/**
	 * Read the lines of each field of an {@code errors} (or {@code message}) object.
	 * @param node the value, may be {@code null}
	 * @return the lines by field name, empty when the value is not an object
	 */
	public static Map<String, List<String>> fieldErrors(@Nullable JsonNode node) {
		if (node == null || !node.isObject()) {
			return Collections.emptyMap();
		}
		Map<String, List<String>> errors = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> field : node.properties()) {
			List<String> lines = new ArrayList<>();
			collect(field.getValue(), null, lines);
			errors.put(field.getKey(), List.copyOf(lines));
		}
		return errors;
	}

	private static void collect(@Nullable JsonNode node, @Nullable String prefix, List<String> lines) {
		if (node == null || node.isNull() || node.isMissingNode()) {
			return;
		}
		if (node.isArray()) {
			for (JsonNode element : node.values()) {
				collect(element, prefix, lines);
			}
		}
		else if (node.isObject()) {
			for (Map.Entry<String, JsonNode> field : node.properties()) {
				String name = (prefix != null) ? prefix + "." + field.getKey() : field.getKey();
				collect(field.getValue(), name, lines);
			}
		}
		else {
			String text = node.asString();
			lines.add((prefix != null) ? prefix + ": " + text : text);
		}
	}

	/**
	 * Return the tree with every text in it, names and values, masked, numbers included
	 * (a number whose digits echo a run of the key becomes a masked string); the same
	 * tree when nothing needed masking.
	 * @param node a node of the reply
	 * @param mask masks a text, returning the same instance when nothing is masked
	 * @return the node masked
	 */
	public static JsonNode redact(JsonNode node, UnaryOperator<String> mask) {
		if (node.isString() || node.isNumber()) {
			String text = node.asString();
			String masked = mask.apply(text);
			return (masked == text) ? node : StringNode.valueOf(masked);
		}
		if (node.isArray()) {
			ArrayNode copy = null;
			int i = 0;
			for (JsonNode element : node.values()) {
				JsonNode redacted = redact(element, mask);
				if (redacted != element && copy == null) {
					copy = ((ArrayNode) node).deepCopy();
				}
				if (copy != null) {
					copy.set(i, redacted);
				}
				i++;
			}
			return (copy != null) ? copy : node;
		}
		if (node.isObject()) {
			ObjectNode copy = null;
			for (Map.Entry<String, JsonNode> field : node.properties()) {
				String name = mask.apply(field.getKey());
				JsonNode value = redact(field.getValue(), mask);
				if ((name != field.getKey() || value != field.getValue()) && copy == null) {
					copy = JsonNodeFactory.instance.objectNode();
					for (Map.Entry<String, JsonNode> before : node.properties()) {
						if (before.getKey().equals(field.getKey())) {
							break;
						}
						copy.set(before.getKey(), before.getValue());
					}
				}
				if (copy != null) {
					copy.set(name, value);
				}
			}
			return (copy != null) ? copy : node;
		}
		return node;
	}

}
