package com.example.host;

import org.springframework.stereotype.Service;
import org.springframework.web.client.RestClient;

/**
 * The application's own client of another service, built from Spring Boot's builder.
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
