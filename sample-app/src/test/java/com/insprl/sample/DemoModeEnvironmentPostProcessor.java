package com.insprl.sample;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import com.insprl.test.InsprlStub;
import org.apache.commons.logging.Log;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Demo mode, on the test class path only ({@link TestSampleApplication} and the tests):
 * when neither {@code insprl.client-id} nor {@code insprl.client-key} is set (no
 * {@code INSPRL_CLIENT_ID} / {@code INSPRL_CLIENT_KEY}), starts the test starter's
 * {@link InsprlStub} on loopback and points the starter at it, so the sample runs
 * offline. A few instance ids show insprl's error replies. Set
 * {@code sample.demo.enabled=false} to turn it off. Nothing is started while Spring AOT
 * processes the application at build time; the stand-in starts when the application runs,
 * with or without AOT.
 */
public class DemoModeEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	static final String PROPERTY_SOURCE_NAME = "insprlDemoMode";

	/** The demo customer's account, which the stand-in accepts besides its own. */
	static final String DEMO_CUSTOMER_ID = "acme-client";

	static final String DEMO_CUSTOMER_KEY = "ak-5c1e9b7f2d4a";

	/** The password of the actuator's operator in demo mode. */
	static final String DEMO_OPERATOR_PASSWORD = "demo-operator";

	private final Log logger;

	public DemoModeEnvironmentPostProcessor(DeferredLogFactory logFactory) {
		this.logger = logFactory.getLog(DemoModeEnvironmentPostProcessor.class);
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (Boolean.getBoolean("spring.aot.processing")
				|| !environment.getProperty("insprl.enabled", Boolean.class, true)
				|| !environment.getProperty("sample.demo.enabled", Boolean.class, true)
				|| StringUtils.hasText(environment.getProperty("insprl.client-id"))
				|| StringUtils.hasText(environment.getProperty("insprl.client-key"))
				|| environment.getPropertySources().contains(PROPERTY_SOURCE_NAME)) {
			return;
		}
		InsprlStub stub = InsprlStub.start();
		stub.setDefaults(DemoModeEnvironmentPostProcessor::demoAnswers);
		Map<String, Object> demo = new HashMap<>();
		demo.put("insprl.base-url", stub.baseUrl());
		demo.put("insprl.client-id", InsprlStub.CLIENT_ID);
		demo.put("insprl.client-key", InsprlStub.CLIENT_KEY);
		if (!StringUtils.hasText(environment.getProperty("insprl.whatsapp.instance-id"))) {
			demo.put("insprl.whatsapp.instance-id", "demo-instance");
		}
		demo.put("sample.customers.acme.client-id", DEMO_CUSTOMER_ID);
		demo.put("sample.customers.acme.client-key", DEMO_CUSTOMER_KEY);
		if (!StringUtils.hasText(environment.getProperty("spring.security.user.password"))) {
			demo.put("spring.security.user.password", DEMO_OPERATOR_PASSWORD);
		}
		environment.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE_NAME, demo));
		application.addInitializers((context) -> context.getBeanFactory().registerSingleton("insprlStub", stub));
		application.addListeners((event) -> {
			if (event instanceof ContextClosedEvent || event instanceof ApplicationFailedEvent) {
				stub.close();
			}
		});
		this.logger.warn("DEMO MODE: INSPRL_CLIENT_ID and INSPRL_CLIENT_KEY are not set, so insprl calls go to a "
				+ "local stand-in at " + stub.baseUrl() + " (nothing reaches insprl.com). Instance ids "
				+ "'demo-unauthorized', 'demo-invalid', 'demo-rate-limited' and 'demo-outage' show the error "
				+ "replies; customer 'acme' has an account of its own; the actuator's operator is 'operator', "
				+ "password '" + DEMO_OPERATOR_PASSWORD + "'. Set both variables to use the real API.");
	}

	/**
	 * The error cases the demo shows, by instance id.
	 * @param stub the stand-in that answers them
	 */
	static void demoAnswers(InsprlStub stub) {
		stub.addAccount(DEMO_CUSTOMER_ID, DEMO_CUSTOMER_KEY);
		stub.campaignTracking("demo-account", "demo-missing")
			.rejectsParameter("campaign_uid", "The selected campaign uid is invalid.");
		stub.logout("demo-unauthorized").rejectsCredentials();
		stub.logout("demo-invalid").rejectsParameter("instance_id", "The selected instance id is invalid.");
		stub.logout("demo-rate-limited").isRateLimited(Duration.ofSeconds(30));
		stub.logout("demo-outage").hasOutage();
		stub.email().verifies("bounce@example.com", "Undeliverable");
	}

}
