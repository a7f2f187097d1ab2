package com.insprl.testing;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Asserts that text holds no run of six or more consecutive characters of a secret.
 */
public final class KeyRuns {

	private KeyRuns() {
	}

	/**
	 * Assert that none of the texts holds six or more consecutive characters of the key.
	 * @param key the secret
	 * @param texts the texts (their {@code toString()}), {@code null}s allowed
	 */
	public static void assertNone(String key, Object... texts) {
		for (Object text : texts) {
			if (text == null) {
				continue;
			}
			String value = text.toString();
			for (int i = 0; i + 6 <= key.length(); i++) {
				String run = key.substring(i, i + 6);
				assertThat(value).as("text holds key characters %d-%d", i + 1, i + 6).doesNotContain(run);
			}
		}
	}

}
