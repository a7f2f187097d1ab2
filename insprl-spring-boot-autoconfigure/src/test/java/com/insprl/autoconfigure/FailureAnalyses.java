package com.insprl.autoconfigure;

import org.springframework.boot.diagnostics.FailureAnalysis;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What Spring Boot prints when the starter stops start-up: the failure analysis of an
 * {@link InvalidInsprlPropertyException}.
 */
final class FailureAnalyses {

	private FailureAnalyses() {
	}

	/**
	 * Return the failure analysis of a start-up failure, which must have one.
	 * @param failure the failure
	 * @return the analysis
	 */
	static FailureAnalysis analyze(Throwable failure) {
		FailureAnalysis analysis = new InvalidInsprlPropertyFailureAnalyzer().analyze(failure);
		assertThat(analysis).as("failure analysis of %s", failure).isNotNull();
		return analysis;
	}

}
