package com.example.host;

import com.insprl.whatsapp.InsprlWhatsAppService;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.restclient.test.autoconfigure.RestClientTest;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.client.MockRestServiceServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.requestTo;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withSuccess;

/**
 * The application's slice test of its own client: the starter adds nothing to the slice.
 */
@RestClientTest(WeatherClient.class)
class WeatherClientSliceTests {

	@Autowired
	MockRestServiceServer server;

	@Autowired
	WeatherClient weather;

	@Autowired
	ApplicationContext context;

	@Test
	void todaysWeather() {
		this.server.expect(requestTo("https://weather.example.com/today/bergen"))
			.andRespond(withSuccess("rain", MediaType.TEXT_PLAIN));
		assertThat(this.weather.today("bergen")).isEqualTo("rain");
		this.server.verify();
		assertThat(this.context.getBeanNamesForType(InsprlWhatsAppService.class)).isEmpty();
	}

}
