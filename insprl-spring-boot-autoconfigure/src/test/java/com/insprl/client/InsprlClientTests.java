package com.insprl.client;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.insprl.testing.TestAccount;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link InsprlClient}: what it refuses before any request, named in the
 * message, and what its views share.
 */
class InsprlClientTests {

	private static final InsprlClient.Operation LOGOUT = new InsprlClient.Operation("whatsapp.instance.logout",
			"/whatsapp/instance/logout", InsprlClient.Operation.AuthScheme.RAW_KEY, true);

	private final InsprlClient client = InsprlClient.builder()
		.timeouts(Duration.ofSeconds(1), Duration.ofSeconds(5))
		.baseUrl("http://127.0.0.1:9/api/")
		.credentials(TestAccount.credentials())
		.build();

	@AfterEach
	void close() {
		this.client.close();
	}

	@Test
	void aMissingArgumentIsRefusedByName() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.client.withCredentials(null))
			.withMessage("credentials must not be null");
		assertThatIllegalArgumentException().isThrownBy(() -> this.client.withOptions(null))
			.withMessage("options must not be null");
		assertThatIllegalArgumentException().isThrownBy(() -> this.client.post(null, Map.of()))
			.withMessage("operation must not be null");
		assertThatIllegalArgumentException().isThrownBy(() -> this.client.post(LOGOUT, null))
			.withMessage("fields must not be null");
	}

	@Test
	void aFieldThatIsNeitherAStringNorANumberIsRefusedByName() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.client.post(LOGOUT, Map.of("instance_id", List.of("inst-1"))))
			.withMessage("field 'instance_id' must be a string or a number");
	}

	@Test
	void aViewForAnotherAccountSharesTheBaseUrlAndHasItsOwnCredentials() {
		InsprlCredentials other = new InsprlCredentials("client-43", "sk-live-0b1d2e3f");
		InsprlClient view = this.client.withCredentials(other);
		assertThat(view.getCredentials()).isSameAs(other);
		assertThat(view.getBaseUrl()).isEqualTo(this.client.getBaseUrl()).isEqualTo("http://127.0.0.1:9/api");
		assertThat(this.client.getCredentials().getClientId()).isEqualTo("client-42");
	}

}
