package com.insprl.test.app;

import com.insprl.test.AutoConfigureInsprlMockRestServiceServer;
import com.insprl.test.StartsSpringApplication;
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
 * Spring Boot's {@code MockRestServiceServer} for the application's own client and the
 * insprl client's, side by side: Spring Boot's is the one injected by type, the insprl
 * client's is injected by name, and each answers its own client.
 */
@SpringBootTest
@StartsSpringApplication
@AutoConfigureMockRestServiceServer
@AutoConfigureInsprlMockRestServiceServer
class BothMockRestServiceServersTests {

	@Autowired
	MockRestServiceServer server;

	@Autowired
	@Qualifier("insprlMockRestServiceServer")
	MockRestServiceServer insprl;

	@Autowired
	WeatherClient weather;

	@Autowired
	DeviceOffboarding offboarding;

	@Test
	void eachServerAnswersItsOwnClient() {
		assertThat(this.insprl).isNotSameAs(this.server);
		this.server.expect(requestTo("https://weather.example.com/today/oslo"))
			.andRespond(withSuccess("sunny", MediaType.TEXT_PLAIN));
		this.insprl.expect(requestTo("https://insprl.com/api/whatsapp/instance/logout"))
			.andExpect(header("Authorization", "sk-live-PRODUCTION-not-for-tests"))
			.andRespond(withSuccess("{\"code\":\"100\",\"message\":\"success\",\"result\":\"unlinked\"}",
					MediaType.APPLICATION_JSON));
		assertThat(this.weather.today("oslo")).isEqualTo("sunny");
		assertThat(this.offboarding.unlink("team-phone-7")).isEqualTo("unlinked");
		this.server.verify();
		this.insprl.verify();
	}

}
