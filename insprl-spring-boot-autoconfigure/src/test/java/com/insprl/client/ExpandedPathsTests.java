package com.insprl.client;

import java.net.URI;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.web.util.DefaultUriBuilderFactory;
import org.springframework.web.util.UriBuilder;

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

	@Test
	void theUriStringOfAKeptPathIsTheFactorysAndChangingItStartsANewBuilder() {
		DefaultUriBuilderFactory factory = new DefaultUriBuilderFactory("https://insprl.example/api");
		UriBuilder kept = this.paths.uriString("/whatsapp/instance/logout");
		assertThat(kept.toUriString()).isEqualTo(factory.uriString("/whatsapp/instance/logout").toUriString())
			.isEqualTo("https://insprl.example/api/whatsapp/instance/logout");
		assertThat(this.paths.uriString("/whatsapp/instance/logout")).isSameAs(kept);
		assertThat(kept.build()).isSameAs(this.paths.expand("/whatsapp/instance/logout"));
		assertThat(kept.queryParam("page", 2).build())
			.hasToString("https://insprl.example/api/whatsapp/instance/logout?page=2");
		assertThat(kept.path("/more").toUriString())
			.isEqualTo("https://insprl.example/api/whatsapp/instance/logout/more");
		assertThat(kept.toUriString()).isEqualTo("https://insprl.example/api/whatsapp/instance/logout");
		assertThat(kept.build()).hasToString("https://insprl.example/api/whatsapp/instance/logout");
	}

	@Test
	void aTemplateWithVariablesIsNotKept() {
		UriBuilder builder = this.paths.uriString("/campaigns/{id}");
		assertThat(builder).isNotSameAs(this.paths.uriString("/campaigns/{id}"));
		assertThat(builder.build("x y")).hasToString("https://insprl.example/api/campaigns/x%20y");
	}

}
