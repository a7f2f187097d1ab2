package com.insprl.test.app;

import org.springframework.stereotype.Service;
import org.springframework.web.client.RestClient;

/**
 * A client of the application's own, for another service, built from Spring Boot's
 * {@code RestClient.Builder} as applications build theirs.
 */
@Service
public class WeatherClient {

	private final RestClient restClient;

	public WeatherClient(RestClient.Builder builder) {
		this.restClient = builder.baseUrl("https://weather.example.com").build();
	}

	public String today(String city) {
		return this.restClient.get().uri("/today/{city}", city).retrieve().body(String.class);
	}

}
