package com.insprl.autoconfigure;

import com.insprl.client.InsprlClient;
import com.insprl.email.InsprlEmailService;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Configuration of insprl's email operations, imported by
 * {@link InsprlAutoConfiguration}: the {@link InsprlEmailService} on the same client and
 * account as the WhatsApp operations, unless {@code insprl.email.enabled} is
 * {@code false}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "insprl.email.enabled", matchIfMissing = true)
final class InsprlEmailConfiguration {

	@Bean
	@ConditionalOnMissingBean
	InsprlEmailService insprlEmailService(InsprlClient insprlClient, InsprlProperties properties) {
		String sender = properties.getEmail().getSender();
		try {
			return new InsprlEmailService(insprlClient, sender);
		}
		catch (IllegalArgumentException ex) {
			throw PropertyChecks.invalid("insprl.email.sender", sender, String.valueOf(ex.getMessage()));
		}
	}

}
