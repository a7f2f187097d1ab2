package com.example.host;

import com.insprl.test.AutoConfigureInsprlStub;
import com.insprl.test.InsprlStub;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application's test of its insprl use, with the test starter's stand-in: the
 * application's logging interceptor sees the insprl request, but never the key, which
 * the stand-in receives as insprl would.
 */
@SpringBootTest
@AutoConfigureInsprlStub
class OffboardingTests {

	@Autowired
	InsprlStub insprl;

	@Autowired
	Offboarding offboarding;

	@Autowired
	RequestLogging logging;

	@Test
	void unlinkingANumberLogsItOutAndTheLogHoldsNoKey() {
		assertThat(this.offboarding.unlink("team-phone-7")).isEqualTo("Logout request sent to WhatsApp");
		assertThat(this.insprl.loggedOutInstances()).containsExactly("team-phone-7");
		assertThat(this.insprl.requests()).singleElement()
			.satisfies((request) -> assertThat(request.carriedKey(InsprlStub.CLIENT_KEY)).isTrue());
		assertThat(this.logging.lines()).as("the application's interceptor saw the insprl request")
			.anySatisfy((line) -> assertThat(line).contains("/whatsapp/instance/logout"));
		assertThat(String.join("\n", this.logging.lines())).doesNotContain(InsprlStub.CLIENT_KEY)
			.doesNotContain(InsprlStub.CLIENT_KEY.substring(0, 6))
			.doesNotContain("sk-live-HOST");
	}

}
