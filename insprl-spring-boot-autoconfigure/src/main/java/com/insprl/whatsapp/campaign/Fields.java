package com.insprl.whatsapp.campaign;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads a field of a reply leniently: a number may come as a JSON number or a numeric
 * string, and anything missing, {@code null} or unreadable is {@code null}: a text field
 * that is an object or an array, a count that is not a whole number within
 * {@code Integer}'s range, a rate that is not a finite {@code Double} ({@code 1e400},
 * {@code "NaN"}, {@code "Infinity"}).
 */
final class Fields {

	/**
	 * The longest numeric text read: longer ones hold more digits than an {@code int} or
	 * a {@code double} can, and read as {@code null}, so that no parse costs more than a
	 * few dozen characters' work whatever a reply holds.
	 */
	static final int MAX_NUMERIC_TEXT = 64;

	/** The most digits an {@code int} has before its decimal point. */
	private static final int INT_DIGITS = 10;

	private Fields() {
	}

	static @Nullable String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return (value != null && value.isValueNode() && !value.isNull()) ? value.asString() : null;
	}

	static @Nullable Integer integer(JsonNode node, String field) {
		BigDecimal number = number(node, field);
		if (number == null || number.precision() - number.scale() > INT_DIGITS) {
			return null;
		}
		try {
			return number.intValueExact();
		}
		catch (ArithmeticException ex) {
			return null;
		}
	}

	static @Nullable Double decimal(JsonNode node, String field) {
		BigDecimal number = number(node, field);
		if (number == null) {
			return null;
		}
		double value = number.doubleValue();
		return Double.isFinite(value) ? value : null;
	}

	private static @Nullable BigDecimal number(JsonNode node, String field) {
		JsonNode value = node.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		if (value.isNumber()) {
			boolean floating = value.isDouble() || value.isFloat();
			return (!floating || Double.isFinite(value.doubleValue())) ? value.decimalValue() : null;
		}
		if (value.isString()) {
			String text = value.asString().trim();
			if (text.length() > MAX_NUMERIC_TEXT) {
				return null;
			}
			try {
				return new BigDecimal(text);
			}
			catch (NumberFormatException ex) {
				return null;
			}
		}
		return null;
	}

}
