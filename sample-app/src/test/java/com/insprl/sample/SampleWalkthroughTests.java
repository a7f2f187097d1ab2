package com.insprl.sample;

import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs docs/sample-app.md's walkthrough as a user runs it: every {@code curl} of the
 * page, in the order printed, against one run of the sample in demo mode, each answer
 * checked against what the page prints under it (its {@code status}, its {@code code},
 * and the HTTP status in the command's comment).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class SampleWalkthroughTests {

	private static final Pattern CURL = Pattern.compile("^\\$ curl -s (.*?)\\s*(?:#\\s*(.*))?$");

	private static final Pattern STATUS = Pattern.compile("\"status\":(\\d+|\"[A-Z]+\")");

	private static final Pattern CODE = Pattern.compile("^\\{\"code\":(\\d+)");

	@LocalServerPort
	int port;

	private SampleHttp http;

	@BeforeEach
	void http() {
		this.http = new SampleHttp(this.port);
	}

	@Test
	void eachCommandOfTheWalkthroughPrintsWhatThePageShowsInThePagesOrder() throws Exception {
		List<String> lines = Files.readAllLines(Path.of("..", "docs", "sample-app.md"));
		List<String> checked = new ArrayList<>();
		for (int i = 0; i < lines.size(); i++) {
			Matcher curl = CURL.matcher(lines.get(i));
			if (!curl.matches()) {
				continue;
			}
			String command = curl.group(1);
			String printed = lines.get(i + 1);
			SampleHttp.Reply reply = this.http.send(request(command));
			String step = lines.get(i) + "\n  answered HTTP " + reply.status() + ": " + reply.text();
			String comment = curl.group(2);
			if (comment != null && comment.matches("^\\d{3}\\b.*")) {
				assertThat(reply.status()).as(step).isEqualTo(Integer.parseInt(comment.substring(0, 3)));
			}
			Matcher status = STATUS.matcher(printed);
			if (status.find()) {
				Matcher answered = STATUS.matcher(reply.text());
				assertThat(answered.find()).as(step).isTrue();
				assertThat(answered.group(1)).as(step).isEqualTo(status.group(1));
			}
			Matcher code = CODE.matcher(printed);
			if (code.find()) {
				assertThat(reply.text()).as(step).startsWith("{\"code\":" + code.group(1));
			}
			checked.add(command);
		}
		assertThat(checked).as("commands run").hasSizeGreaterThanOrEqualTo(12);
	}

	private HttpRequest.Builder request(String command) {
		Matcher url = Pattern.compile("'?localhost:8080(/[^ ']*)'?").matcher(command);
		assertThat(url.find()).as(command).isTrue();
		HttpRequest.Builder request = this.http.request(url.group(1));
		Matcher data = Pattern.compile("-d '([^']*)'").matcher(command);
		if (data.find()) {
			return request.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(data.group(1)));
		}
		return command.contains("-X POST") ? request.POST(HttpRequest.BodyPublishers.noBody()) : request.GET();
	}

}
