package com.insprl.test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The user documentation whose examples the build checks: the README and every page of
 * {@code docs/}.
 */
final class UserDocs {

	private UserDocs() {
	}

	/**
	 * Return the README and the pages of {@code docs/}, in name order, one after another.
	 * @return their text
	 * @throws IOException if one cannot be read
	 */
	static String read() throws IOException {
		Path root = Path.of("..");
		StringBuilder text = new StringBuilder(Files.readString(root.resolve("README.md")));
		try (Stream<Path> pages = Files.list(root.resolve("docs"))) {
			List<Path> markdown = pages.filter((page) -> page.toString().endsWith(".md")).sorted().toList();
			assertThat(markdown).as("pages of docs/").isNotEmpty();
			for (Path page : markdown) {
				text.append("\n\n").append(Files.readString(page));
			}
		}
		return text.toString();
	}

}
