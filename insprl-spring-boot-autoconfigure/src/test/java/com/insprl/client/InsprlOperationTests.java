package com.insprl.client;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link InsprlOperation}: what an operation must have, named in the message.
 */
class InsprlOperationTests {

	private static final InsprlOperation.AuthScheme RAW_KEY = InsprlOperation.AuthScheme.RAW_KEY;

	@Test
	void anOperationWithoutANameIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new InsprlOperation(" ", "/x", RAW_KEY, true))
			.withMessage("name must not be blank");
		assertThatIllegalArgumentException().isThrownBy(() -> new InsprlOperation(null, "/x", RAW_KEY, true))
			.withMessage("name must not be blank");
	}

	@Test
	void anOperationWhosePathDoesNotStartWithASlashIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(
					() -> new InsprlOperation("whatsapp.instance.logout", "whatsapp/instance/logout", RAW_KEY, true))
			.withMessage("path must start with '/'");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new InsprlOperation("whatsapp.instance.logout", null, RAW_KEY, true))
			.withMessage("path must start with '/'");
	}

	@Test
	void anOperationWithoutAnAuthSchemeOrAnEncodingIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new InsprlOperation("op", "/x", null, true))
			.withMessage("authScheme must not be null");
		assertThatIllegalArgumentException().isThrownBy(() -> new InsprlOperation("op", "/x", RAW_KEY, true, null))
			.withMessage("encoding must not be null");
	}

	@Test
	void anOperationIsSentAsAFormUnlessItSaysOtherwise() {
		assertThat(new InsprlOperation("op", "/x", RAW_KEY, true).encoding()).isEqualTo(InsprlOperation.Encoding.FORM);
		assertThat(new InsprlOperation("op", "/x", RAW_KEY, true, InsprlOperation.Encoding.JSON).encoding())
			.isEqualTo(InsprlOperation.Encoding.JSON);
	}

}
