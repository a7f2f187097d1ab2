package com.insprl.client;

import com.insprl.testing.TestAccount;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link InsprlCredentials}.
 */
class InsprlCredentialsTests {

	@Test
	void keyThatAnHttpHeaderCannotCarryIsRefusedWithoutQuotingIt() {
		for (String key : new String[] { "secret-\u00e9-key", "secret-\u0430-key", "secret-\uD83D\uDE00-key",
				"secret-\u2028-key", "secret key", "secret\tkey", "secret\r\nX-Injected: yes" }) {
			assertThatIllegalArgumentException().isThrownBy(() -> new InsprlCredentials("client-42", key))
				.withMessageContaining("clientKey")
				.withMessageContaining("visible ASCII")
				.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain("secret"));
		}
	}

	@Test
	void aRefusedKeySaysWhereItsBadCharacterIsSoThatItCanBeFoundWithoutBeingQuoted() {
		assertThatIllegalArgumentException().isThrownBy(() -> new InsprlCredentials("client-42", "secret key"))
			.withMessageContaining("(at position 7 of 10)");
		assertThatIllegalArgumentException().isThrownBy(() -> new InsprlCredentials("client-42", "\u007Fsecret"))
			.withMessageContaining("(at position 1 of 7)");
		assertThat(new InsprlCredentials("client-42", "!~secret~!").getClientId()).isEqualTo("client-42");
	}

	@Test
	void unresolvedPlaceholdersAreRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new InsprlCredentials("client-42", "${INSPRL_CLIENT_KEY}"))
			.withMessageContaining("clientKey is an unresolved placeholder");
		assertThatIllegalArgumentException().isThrownBy(() -> new InsprlCredentials("${INSPRL_CLIENT_ID}", "key"))
			.withMessageContaining("clientId is an unresolved placeholder");
	}

	@Test
	void clientIdWithControlCharactersIsRefused() {
		for (String id : new String[] { "client\n42", "client\u000042", "client\u202842" }) {
			assertThatIllegalArgumentException().isThrownBy(() -> new InsprlCredentials(id, "key"))
				.withMessageContaining("clientId contains control characters");
		}
		assertThat(new InsprlCredentials("client \u00e9 42", "key").getClientId()).isEqualTo("client \u00e9 42");
	}

	@Test
	void blankValuesAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new InsprlCredentials(" ", "key"))
			.withMessageContaining("clientId is not set");
		assertThatIllegalArgumentException().isThrownBy(() -> new InsprlCredentials("client-42", null))
			.withMessageContaining("clientKey is not set");
	}

	@Test
	void toStringMasksTheKey() {
		assertThat(TestAccount.credentials())
			.hasToString("InsprlCredentials{clientId='client-42', clientKey='******'}");
	}

}
