package com.insprl.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * A web application that logs WhatsApp numbers out of insprl through the auto-configured
 * {@code InsprlWhatsAppService}.
 */
@SpringBootApplication
@EnableConfigurationProperties(CustomerAccounts.class)
public class SampleApplication {

	public static void main(String[] args) {
		SpringApplication.run(SampleApplication.class, args);
	}

}
