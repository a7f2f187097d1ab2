package com.insprl.autoconfigure;

import java.util.List;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.env.Environment;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.io.support.SpringFactoriesLoader.ArgumentResolver;
import org.springframework.core.io.support.SpringFactoriesLoader.FailureHandler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What Spring Boot prints when the starter stops start-up: the analysis of the first of
 * the failure analyzers registered in {@code spring.factories} (Spring Boot's and the
 * starter's, in their order) that analyzes the failure, as Spring Boot chooses it; an
 * analyzer that cannot be created on the tests' class path is left out, as Spring Boot
 * leaves it out.
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
		return analyze(failure, new StandardEnvironment());
	}

	/**
	 * Return the failure analysis of a start-up failure, which must have one.
	 * @param failure the failure
	 * @param environment the environment the failed application read its properties from
	 * @return the analysis
	 */
	static FailureAnalysis analyze(Throwable failure, Environment environment) {
		List<FailureAnalyzer> analyzers = SpringFactoriesLoader.forDefaultResourceLocation()
			.load(FailureAnalyzer.class,
					ArgumentResolver.of(Environment.class, environment)
						.and(BeanFactory.class, new DefaultListableBeanFactory()),
					FailureHandler.handleMessage((message, ex) -> {
					}));
		FailureAnalysis analysis = null;
		for (FailureAnalyzer analyzer : analyzers) {
			analysis = analyzer.analyze(failure);
			if (analysis != null) {
				break;
			}
		}
		assertThat(analysis).as("failure analysis of %s", failure).isNotNull();
		return analysis;
	}

}
