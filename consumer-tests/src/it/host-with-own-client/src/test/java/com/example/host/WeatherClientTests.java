package com.example.host;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.restclient.test.autoconfigure.AutoConfigureMockRestServiceServer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.client.MockRestServiceServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.requestTo;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withSuccess;

/**
 * The application's existing test of its own client: it passed before the starter was
 * added, and passes with it.
 */
@SpringBootTest
@AutoConfigureMockRestServiceServer
class WeatherClientTests {

	@Autowired
	MockRestServiceServer server;

	@Autowired
	WeatherClient weather;

	@Test
	void todaysWeather() {
		this.server.expect(requestTo("https://weather.example.com/today/oslo"))
			.andRespond(withSuccess("sunny", MediaType.TEXT_PLAIN));
		assertThat(this.weather.today("oslo")).isEqualTo("sunny");
		this.server.verify();
	}

}
