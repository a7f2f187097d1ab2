package com.insprl.sample;

import org.springframework.boot.SpringApplication;

/**
 * Runs the sample in demo mode, from the test class path: without
 * {@code INSPRL_CLIENT_ID} and {@code INSPRL_CLIENT_KEY}, insprl calls go to the test
 * starter's stand-in on loopback ({@link DemoModeEnvironmentPostProcessor}). The stand-in
 * is test code, so it lives here and never in the sample's jar:
 * {@code ./mvnw -pl sample-app -am spring-boot:test-run}.
 */
public final class TestSampleApplication {

	private TestSampleApplication() {
	}

	public static void main(String[] args) {
		SpringApplication.from(SampleApplication::main).run(args);
	}

}
