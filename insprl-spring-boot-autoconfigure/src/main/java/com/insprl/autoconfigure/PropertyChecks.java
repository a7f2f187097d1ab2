package com.insprl.autoconfigure;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Function;

import com.insprl.http.internal.Durations;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/**
 * Reports a property value that what it configures refuses, as Spring Boot reports an
 * invalid property: an {@link InvalidConfigurationPropertyValueException}, whose failure
 * analysis names the property, its value and where that value came from (a file and line,
 * an environment variable). The rules are those of the builders and constructors the
 * values go to; only the property is named here.
 */
final class PropertyChecks {

	private PropertyChecks() {
	}

	/**
	 * Return a consumer that gives a property's value to what it configures, and reports
	 * a value it refuses.
	 * @param <T> the type of the value
	 * @param property the property, such as {@code insprl.call-timeout}
	 * @param setter what the value configures; an {@link IllegalArgumentException} means
	 * it refuses the value
	 * @return the consumer
	 */
	static <T> Consumer<T> to(String property, Consumer<T> setter) {
		return (value) -> {
			try {
				setter.accept(value);
			}
			catch (IllegalArgumentException ex) {
				throw invalid(property, value, reason(ex));
			}
		};
	}

	/**
	 * Make what a property's value configures, and report a value it refuses.
	 * @param <T> the type of the value
	 * @param <R> the type of what is made
	 * @param property the property
	 * @param value its value
	 * @param factory makes what the value configures; an {@link IllegalArgumentException}
	 * means it refuses the value
	 * @return what was made
	 */
	static <T, R> R get(String property, T value, Function<T, R> factory) {
		try {
			return factory.apply(value);
		}
		catch (IllegalArgumentException ex) {
			throw invalid(property, value, reason(ex));
		}
	}

	/**
	 * Return the failure of a property's value.
	 * @param property the property
	 * @param value its value, masked if it is a secret; a duration is shown as a user
	 * writes it
	 * @param reason what is wrong with it, and what to set
	 * @return the failure
	 */
	static InvalidConfigurationPropertyValueException invalid(String property, @Nullable Object value, String reason) {
		Object shown = (value instanceof Duration duration) ? Durations.format(duration) : value;
		return new InvalidConfigurationPropertyValueException(property, shown, reason);
	}

	/**
	 * Return the reason a builder gave for refusing a value, without the name of its own
	 * argument: {@code callTimeout must be positive} becomes {@code must be positive}.
	 * @param ex the builder's failure
	 * @return the reason
	 */
	private static String reason(IllegalArgumentException ex) {
		String message = String.valueOf(ex.getMessage());
		return message.replaceFirst("^[a-z][A-Za-z]* (?=must |is |uses |contains )", "");
	}

}
