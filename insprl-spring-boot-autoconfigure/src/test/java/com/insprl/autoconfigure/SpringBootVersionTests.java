package com.insprl.autoconfigure;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootVersion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The tests run on the Spring Boot version the build was asked for
 * ({@code -Dspring-boot.version=4.1.2} switches every module), not on one a dependency
 * brought in beside it.
 */
class SpringBootVersionTests {

	@Test
	void theTestsRunOnTheSpringBootVersionTheBuildNames() {
		String expected = System.getProperty("expected.spring-boot.version");
		assumeThat(expected).as("set by the Maven build").isNotNull();
		assertThat(SpringBootVersion.getVersion()).isEqualTo(expected);
	}

}
