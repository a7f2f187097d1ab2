package com.insprl.client.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link KeyMask}.
 */
class KeyMaskTests {

	private static final String KEY = "sk-live-Q7f3a9c1eX2b8d4";

	private final KeyMask mask = new KeyMask(KEY);

	@Test
	void wholeKeyIsMasked() {
		assertThat(this.mask.mask("key " + KEY + " rejected")).isEqualTo("key ****** rejected");
		assertThat(this.mask.mask(KEY + KEY)).isEqualTo("******");
	}

	@Test
	void anyRunOfSixOrMoreOfItsCharactersIsMasked() {
		assertThat(this.mask.mask("prefix sk-liv suffix")).isEqualTo("prefix ****** suffix");
		assertThat(this.mask.mask("tail X2b8d4")).isEqualTo("tail ******");
		assertThat(this.mask.mask("middle a9c1eX2b and 3a9c1e")).isEqualTo("middle ****** and ******");
		assertThat(this.mask.mask("five sk-li only")).isEqualTo("five sk-li only");
	}

	/**
	 * The six characters of {@code LOOKALIKE} were found (by lattice reduction) so that
	 * their rolling hash is that of the key's run {@code k3y-Zq}: the mask compares the
	 * characters before it masks.
	 */
	@Test
	void textWhoseHashIsThatOfARunOfTheKeyButNotItsCharactersIsReturnedAsItIs() {
		String lookalike = "\u6959\u67d2\u6a92\u6927\u6b42\u68d3";
		assertThat(rollingHash(lookalike)).isEqualTo(rollingHash("k3y-Zq"));
		KeyMask mask = new KeyMask("sk-k3y-Zq-live");
		String text = "reply " + lookalike + " and k3y-Z";
		assertThat(mask.mask(text)).isSameAs(text);
		assertThat(mask.exposes(text)).isFalse();
		assertThat(mask.mask("reply " + lookalike + " and k3y-Zq")).isEqualTo("reply " + lookalike + " and ******");
	}

	@Test
	void textWithoutTheKeyIsReturnedAsItIs() {
		String text = "Logout request sent to WhatsApp";
		assertThat(this.mask.mask(text)).isSameAs(text);
		assertThat(this.mask.exposes(text)).isFalse();
		assertThat(this.mask.mask(null)).isNull();
		assertThat(this.mask.mask("")).isEmpty();
	}

	@Test
	void keyShorterThanARunIsMaskedWhole() {
		KeyMask shortKey = new KeyMask("abc");
		assertThat(shortKey.mask("xabcx ab")).isEqualTo("x******x ab");
	}

	@Test
	void exposesTellsWhetherMaskingWouldChangeTheText() {
		assertThat(this.mask.exposes("..Q7f3a9..")).isTrue();
		assertThat(this.mask.exposes("..Q7f3a..")).isFalse();
	}

	private static long rollingHash(String run) {
		long hash = 0;
		for (int i = 0; i < run.length(); i++) {
			hash = hash * 1_000_003L + run.charAt(i);
		}
		return hash;
	}

}
