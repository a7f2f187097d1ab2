package com.insprl.client;

import java.net.URI;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ExpandedPaths}.
 */
class ExpandedPathsTests {

	private final ExpandedPaths paths = new ExpandedPaths("https://insprl.example/api");

	@Test
	void aPathWithoutVariablesIsExpandedOnceAgainstTheBaseUrl() {
		URI first = this.paths.expand("/whatsapp/instance/logout");
		assertThat(first).hasToString("https://insprl.example/api/whatsapp/instance/logout");
		assertThat(this.paths.expand("/whatsapp/instance/logout")).isSameAs(first);
		assertThat(this.paths.expand("/whatsapp/instance/logout", Map.of())).isSameAs(first);
	}

	@Test
	void aTemplateWithVariablesIsExpandedEachTimeAndEncoded() {
		assertThat(this.paths.expand("/campaigns/{id}", "a b"))
			.hasToString("https://insprl.example/api/campaigns/a%20b");
		assertThat(this.paths.expand("/campaigns/{id}", Map.of("id", "c/d")))
			.hasToString("https://insprl.example/api/campaigns/c%2Fd");
	}

	@Test
	void atMostSixtyFourPathsAreKept() {
		for (int i = 0; i < 1000; i++) {
			URI uri = this.paths.expand("/path-" + i);
			assertThat(uri).hasToString("https://insprl.example/api/path-" + i);
			assertThat(this.paths.expand("/path-" + i).equals(uri)).isTrue();
		}
		assertThat(this.paths.expand("/path-0")).isSameAs(this.paths.expand("/path-0"));
		assertThat(this.paths.expand("/path-999")).isNotSameAs(this.paths.expand("/path-999"));
	}

}
