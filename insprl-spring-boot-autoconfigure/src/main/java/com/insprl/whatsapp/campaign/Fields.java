package com.insprl.whatsapp.campaign;

import java.math.BigDecimal;

import tools.jackson.databind.JsonNode;

/**
 * Reads a field of a reply leniently: a number may come as a JSON number or a numeric
 * string, and anything missing, {@code null} or unreadable is {@code null}.
 */
final class Fields {

	private Fields() {
	}

	static String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return (value != null && value.isValueNode() && !value.isNull()) ? value.asString() : null;
	}

	static Integer integer(JsonNode node, String field) {
		BigDecimal number = number(node, field);
		if (number == null) {
			return null;
		}
		try {
			return number.intValueExact();
		}
		catch (ArithmeticException ex) {
			return null;
		}
	}

	static Double decimal(JsonNode node, String field) {
		BigDecimal number = number(node, field);
		return (number != null) ? number.doubleValue() : null;
	}

	private static BigDecimal number(JsonNode node, String field) {
		JsonNode value = node.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		if (value.isNumber()) {
			return value.decimalValue();
		}
		if (value.isString()) {
			try {
				return new BigDecimal(value.asString().trim());
			}
			catch (NumberFormatException ex) {
				return null;
			}
		}
		return null;
	}

}
