package com.insprl.autoconfigure;

import java.time.Duration;

import com.insprl.client.InsprlClient;
import com.insprl.email.InsprlEmailService;
import com.insprl.whatsapp.InsprlWhatsAppService;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link InsprlEmailConfiguration}.
 */
class InsprlEmailConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(InsprlAutoConfiguration.class))
		.withPropertyValues("insprl.client-id=client-42", "insprl.client-key=key-1",
				"insprl.base-url=http://127.0.0.1:9/api");

	@Test
	void anApplicationThatOnlyLogsOutNumbersNeedsNothingNewAndGetsTheEmailServiceOnTheSameClient() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(InsprlWhatsAppService.class);
			assertThat(context).hasSingleBean(InsprlEmailService.class).hasSingleBean(InsprlClient.class);
		});
	}

	@Test
	void theEmailServiceHasItsOwnSwitch() {
		this.contextRunner.withPropertyValues("insprl.email.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(InsprlEmailService.class);
			assertThat(context).hasSingleBean(InsprlWhatsAppService.class);
		});
		this.contextRunner.withPropertyValues("insprl.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(InsprlEmailService.class));
	}

	@Test
	void aDefaultSenderThatIsNotAnAddressFailsStartupNamingTheProperty() {
		this.contextRunner.withPropertyValues("insprl.email.sender=news at shop").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(FailureAnalyses.analyze(context.getStartupFailure()).getDescription())
				.contains("insprl.email.sender")
				.contains("'news at shop'")
				.contains("not an email address");
		});
		this.contextRunner.withPropertyValues("insprl.email.sender=news@shop.example")
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(InsprlEmailService.class));
	}

	@Test
	void theApplicationsOwnEmailServiceIsKept() {
		this.contextRunner
			.withBean("myEmails", InsprlEmailService.class,
					() -> new InsprlEmailService(InsprlClient.builder()
						.noDefaultAccount()
						.baseUrl("https://insprl.com/api")
						.timeouts(Duration.ofSeconds(1), Duration.ofSeconds(5))
						.build(), null))
			.run((context) -> assertThat(context).getBeanNames(InsprlEmailService.class).containsExactly("myEmails"));
	}

}
