package com.insprl.test.app;

import com.insprl.test.StartsSpringApplication;
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
 * The application's own test of its own client, with Spring Boot's
 * {@code @AutoConfigureMockRestServiceServer}, passes with the starter on the class path
 * and its properties set: Spring Boot's server is bound to the application's client
 * alone.
 */
@SpringBootTest
@StartsSpringApplication
@AutoConfigureMockRestServiceServer
class HostMockRestServiceServerTests {

	@Autowired
	MockRestServiceServer server;

	@Autowired
	WeatherClient weather;

	@Test
	void springBootsMockRestServiceServerAnswersTheApplicationsClient() {
		this.server.expect(requestTo("https://weather.example.com/today/oslo"))
			.andRespond(withSuccess("sunny", MediaType.TEXT_PLAIN));
		assertThat(this.weather.today("oslo")).isEqualTo("sunny");
		this.server.verify();
	}

}
