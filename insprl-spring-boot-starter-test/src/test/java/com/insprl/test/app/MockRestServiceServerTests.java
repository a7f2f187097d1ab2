package com.insprl.test.app;

import com.insprl.test.AutoConfigureInsprlMockRestServiceServer;
import com.insprl.test.StartsSpringApplication;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.client.MockRestServiceServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.content;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.header;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.method;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.requestTo;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withSuccess;

/**
 * A {@code MockRestServiceServer} answers the starter's calls when the test asks for one
 * with {@link AutoConfigureInsprlMockRestServiceServer}: it receives the request as the
 * server would, the client key included, and nothing reaches the {@code insprl.base-url}
 * of {@code application.properties}.
 */
@SpringBootTest
@StartsSpringApplication
@AutoConfigureInsprlMockRestServiceServer
class MockRestServiceServerTests {

	@Autowired
	MockRestServiceServer server;

	@Autowired
	DeviceOffboarding offboarding;

	@Test
	void mockRestServiceServerAnswersTheStartersCalls() {
		this.server.expect(requestTo("https://insprl.com/api/whatsapp/instance/logout"))
			.andExpect(method(HttpMethod.POST))
			.andExpect(header("Authorization", "sk-live-PRODUCTION-not-for-tests"))
			.andExpect(content().string("client_id=production-client&instance_id=team-phone-7"))
			.andRespond(withSuccess(
					"{\"code\":\"100\",\"message\":\"success\",\"result\":\"Stubbed by MockRestServiceServer\"}",
					MediaType.APPLICATION_JSON));
		assertThat(this.offboarding.unlink("team-phone-7")).isEqualTo("Stubbed by MockRestServiceServer");
		this.server.verify();
	}

	@Test
	void expectationsOfOneTestAreGoneInTheNext() {
		this.server.expect(requestTo("https://insprl.com/api/whatsapp/instance/logout"))
			.andRespond(withSuccess("{\"code\":\"100\",\"message\":\"success\",\"result\":\"again\"}",
					MediaType.APPLICATION_JSON));
		assertThat(this.offboarding.unlink("team-phone-8")).isEqualTo("again");
		this.server.verify();
	}

}
