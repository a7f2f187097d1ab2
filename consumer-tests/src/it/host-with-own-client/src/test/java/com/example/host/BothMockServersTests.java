package com.example.host;

import com.insprl.test.AutoConfigureInsprlMockRestServiceServer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.restclient.test.autoconfigure.AutoConfigureMockRestServiceServer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.client.MockRestServiceServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.header;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.requestTo;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withSuccess;

/**
 * The opt-in the docs show: a MockRestServiceServer of its own answers the insprl client,
 * beside Spring Boot's for the application's client, and receives the key as insprl
 * would.
 */
@SpringBootTest
@AutoConfigureMockRestServiceServer
@AutoConfigureInsprlMockRestServiceServer
class BothMockServersTests {

	@Autowired
	MockRestServiceServer server;

	@Autowired
	@Qualifier("insprlMockRestServiceServer")
	MockRestServiceServer insprl;

	@Autowired
	WeatherClient weather;

	@Autowired
	Offboarding offboarding;

	@Test
	void eachServerAnswersItsOwnClient() {
		this.server.expect(requestTo("https://weather.example.com/today/oslo"))
			.andRespond(withSuccess("sunny", MediaType.TEXT_PLAIN));
		this.insprl.expect(requestTo("https://insprl.com/api/whatsapp/instance/logout"))
			.andExpect(header("Authorization", "sk-live-HOST-7c1e9a4b"))
			.andRespond(withSuccess("{\"code\":\"100\",\"message\":\"success\",\"result\":\"unlinked\"}",
					MediaType.APPLICATION_JSON));
		assertThat(this.weather.today("oslo")).isEqualTo("sunny");
		assertThat(this.offboarding.unlink("team-phone-7")).isEqualTo("unlinked");
		this.server.verify();
		this.insprl.verify();
	}

}
