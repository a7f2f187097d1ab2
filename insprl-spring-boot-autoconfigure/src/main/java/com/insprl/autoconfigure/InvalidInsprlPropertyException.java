package com.insprl.autoconfigure;

import java.util.Locale;

/**
 * Thrown at start-up when an {@code insprl.*} property is missing or unusable. Its
 * message names the property, never its value.
 */
class InvalidInsprlPropertyException extends IllegalStateException {

	private final String property;

	private final String problem;

	InvalidInsprlPropertyException(String property, String problem) {
		super("Property '" + property + "' " + problem);
		this.property = property;
		this.problem = problem;
	}

	/**
	 * Return the property, such as {@code insprl.client-id}.
	 * @return the property name
	 */
	String getProperty() {
		return this.property;
	}

	/**
	 * Return what is wrong with the property.
	 * @return the problem
	 */
	String getProblem() {
		return this.problem;
	}

	/**
	 * Return the environment variable that sets the property, such as
	 * {@code INSPRL_CLIENT_ID}.
	 * @return the environment variable name
	 */
	String getEnvironmentVariable() {
		return this.property.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT);
	}

}
