package com.insprl.client;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link InsprlClient.Operation}: what an operation must have, named in the
 * message.
 */
class InsprlClientOperationTests {

	private static final InsprlClient.Operation.AuthScheme RAW_KEY = InsprlClient.Operation.AuthScheme.RAW_KEY;

	@Test
	void anOperationWithoutANameIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new InsprlClient.Operation(" ", "/x", RAW_KEY, true))
			.withMessage("name must not be blank");
		assertThatIllegalArgumentException().isThrownBy(() -> new InsprlClient.Operation(null, "/x", RAW_KEY, true))
			.withMessage("name must not be blank");
	}

	@Test
	void anOperationWhosePathDoesNotStartWithASlashIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(
				() -> new InsprlClient.Operation("whatsapp.instance.logout", "whatsapp/instance/logout", RAW_KEY, true))
			.withMessage("path must start with '/'");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new InsprlClient.Operation("whatsapp.instance.logout", null, RAW_KEY, true))
			.withMessage("path must start with '/'");
	}

	@Test
	void anOperationWithoutAnAuthSchemeOrAnEncodingIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new InsprlClient.Operation("op", "/x", null, true))
			.withMessage("authScheme must not be null");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new InsprlClient.Operation("op", "/x", RAW_KEY, true, null))
			.withMessage("encoding must not be null");
	}

	@Test
	void anOperationIsSentAsAFormUnlessItSaysOtherwise() {
		assertThat(new InsprlClient.Operation("op", "/x", RAW_KEY, true).encoding())
			.isEqualTo(InsprlClient.Operation.Encoding.FORM);
		assertThat(
				new InsprlClient.Operation("op", "/x", RAW_KEY, true, InsprlClient.Operation.Encoding.JSON).encoding())
			.isEqualTo(InsprlClient.Operation.Encoding.JSON);
	}

}
