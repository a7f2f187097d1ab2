package com.insprl.sample;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.insprl.test.InsprlStub;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogs;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link DemoModeEnvironmentPostProcessor}.
 */
class DemoModeEnvironmentPostProcessorTests {

	private final DemoModeEnvironmentPostProcessor postProcessor = new DemoModeEnvironmentPostProcessor(
			new DeferredLogs());

	@Test
	void credentialsFromTheEnvironmentTurnDemoModeOff() {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.addFirst(new SystemEnvironmentPropertySource("systemEnvironment",
					Map.of("INSPRL_CLIENT_ID", "real-id", "INSPRL_CLIENT_KEY", "real-key")));
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getPropertySources().contains(DemoModeEnvironmentPostProcessor.PROPERTY_SOURCE_NAME))
			.isFalse();
		assertThat(environment.getProperty("insprl.base-url")).isNull();
	}

	@Test
	void demoModeCanBeTurnedOff() {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.addFirst(new MapPropertySource("test", Map.of("sample.demo.enabled", "false")));
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getPropertySources().contains(DemoModeEnvironmentPostProcessor.PROPERTY_SOURCE_NAME))
			.isFalse();
	}

	@Test
	void noCredentialsPointTheStarterAtALoopbackStandIn() {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.addFirst(new MapPropertySource("test", Map.of("insprl.whatsapp.instance-id", "mine")));
		SpringApplication application = new SpringApplication();
		this.postProcessor.postProcessEnvironment(environment, application);
		try {
			assertThat(environment.getProperty("insprl.base-url")).startsWith("http://127.0.0.1:");
			assertThat(environment.getProperty("insprl.client-id")).isEqualTo(InsprlStub.CLIENT_ID);
			assertThat(environment.getProperty("insprl.whatsapp.instance-id")).as("a configured instance is kept")
				.isEqualTo("mine");
		}
		finally {
			closeContext(application);
		}
		URI stub = URI.create(environment.getProperty("insprl.base-url"));
		assertThatExceptionOfType(IOException.class).as("the stand-in stops with the context")
			.isThrownBy(() -> new Socket(stub.getHost(), stub.getPort()).close());
	}

	@SuppressWarnings({ "rawtypes", "unchecked" })
	private static void closeContext(SpringApplication application) {
		List<ApplicationListener<?>> listeners = new ArrayList<>(application.getListeners());
		ApplicationListener added = listeners.get(listeners.size() - 1);
		added.onApplicationEvent(new ContextClosedEvent(new GenericApplicationContext()));
	}

}
