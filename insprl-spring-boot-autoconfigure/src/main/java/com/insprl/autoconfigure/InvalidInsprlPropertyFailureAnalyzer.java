package com.insprl.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains an {@link InvalidInsprlPropertyException}: which property to set, and how.
 */
class InvalidInsprlPropertyFailureAnalyzer extends AbstractFailureAnalyzer<InvalidInsprlPropertyException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidInsprlPropertyException cause) {
		String description = "The insprl client could not be configured: property '" + cause.getProperty() + "' "
				+ cause.getProblem() + ".";
		String action = "Set '" + cause.getProperty() + "' in application.yml (or application.properties), or set the "
				+ cause.getEnvironmentVariable()
				+ " environment variable. To run without the insprl client, set 'insprl.enabled=false'.";
		return new FailureAnalysis(description, action, cause);
	}

}
