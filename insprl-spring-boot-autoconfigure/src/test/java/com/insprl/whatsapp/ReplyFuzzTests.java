package com.insprl.whatsapp;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import com.insprl.client.InsprlApiException;
import com.insprl.client.InsprlClient;
import com.insprl.client.InsprlCredentials;
import com.insprl.client.InsprlException;
import com.insprl.client.InsprlValidationException;
import com.insprl.email.EmailMessage;
import com.insprl.email.InsprlEmailService;
import com.insprl.http.InsprlHttpTransport;
import com.insprl.testing.KeyRuns;
import com.insprl.testing.LongRunning;
import com.insprl.testing.RawHttpServer;
import com.insprl.testing.Transports;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Decoding, fuzzed: both operations, logout and campaign tracking, are fed generated
 * replies over a real connection on loopback, from a seeded generator (the seed and the
 * reply are in any failure): JSON of any shape and depth, numbers out of range or with
 * thousands of digits, {@code NaN} and {@code Infinity}, the wrong type for every field,
 * strings holding the key or runs of it, HTML, truncated bodies, and every HTTP status
 * from 100 to 599. Each call ends in a result or an {@link InsprlException}, never
 * another exception or an {@code Error}, and nothing it returns or throws holds six
 * consecutive characters of the key.
 * <p>
 * {@value #DEFAULT_REPLIES} replies per operation in the normal build; set
 * {@code -Dinsprl.fuzz.replies=N} (the {@code fuzz} profile sets 100,000) for a longer
 * run, and {@code -Dinsprl.fuzz.seed=S} to replay one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@LongRunning("decodes 20,000 generated replies")
class ReplyFuzzTests {

	static final int DEFAULT_REPLIES = 10_000;

	static final String KEY = "sk-live-FUZZ-4e9a1c77d2";

	private static final String[] FIELDS = { "code", "message", "errors", "result", "status", "data", "campaign",
			"contacts", "campaign_id", "name", "total", "accepted", "sent", "delivered", "delivery_rate", "read",
			"replied", "failed", "created_at", "phone", "message_id", "sent_at" };

	private static final String[] NUMBERS = { "1e400", "-1e400", "1e-400", "9223372036854775808", "-2147483649",
			"2147483648", "0.5", "-0", "1E+2147483647", "1e-2147483647", "100.0", "129", "4.9e-324",
			"1.7976931348623157e309" };

	private static final String[] NOT_NUMBERS = { "NaN", "Infinity", "-Infinity", "+Infinity", "0x10", "1_000", " 12 ",
			"1e", "--1", "" };

	private final AtomicReference<byte[]> next = new AtomicReference<>();

	private final AtomicReference<Boolean> closeAfter = new AtomicReference<>(false);

	private RawHttpServer server;

	private InsprlHttpTransport transport;

	private InsprlWhatsAppService service;

	private InsprlClient client;

	private volatile String account = "client-42";

	@BeforeAll
	void start() throws Exception {
		this.server = RawHttpServer.startKeepAlive((exchange) -> {
			exchange.write(this.next.get());
			if (this.closeAfter.get()) {
				exchange.closeConnection();
			}
		});
		this.transport = Transports.detect();
		this.client = InsprlClient.builder()
			.transport(this.transport)
			.timeouts(Duration.ofSeconds(2), Duration.ofSeconds(3))
			.baseUrl(this.server.baseUrl())
			.credentials(new InsprlCredentials("client-42", KEY))
			.maxAttempts(1)
			.build();
		this.service = new InsprlWhatsAppService(this.client, null);
	}

	@AfterAll
	void stop() throws Exception {
		this.transport.close();
		this.server.close();
	}

	@Test
	void logoutEndsInAResultOrAnInsprlException() {
		fuzz("logout", (generator) -> generator.logoutBody(), (service) -> service.logout("inst-1"));
	}

	@Test
	void campaignTrackingEndsInAResultOrAnInsprlException() {
		fuzz("campaignTracking", (generator) -> generator.campaignBody(),
				(service) -> service.campaignTracking("acct-1", "camp-1"));
	}

	@Test
	void anEmailSendEndsInAResultOrAnInsprlException() {
		EmailMessage mail = EmailMessage.of(EmailMessage.Type.TXN, "Receipt", "Thanks");
		fuzz("email.send-to-batch", (generator) -> generator.emailBody("queue_id", "status", "msg"),
				(service) -> emails(service).send(mail, List.of("ada@example.com")));
	}

	@Test
	void anAddressVerificationEndsInAResultOrAnInsprlException() {
		fuzz("everifier.single-validate", (generator) -> generator.emailBody("status", "credit", "msg"),
				(service) -> emails(service).verify("ada@example.com"));
	}

	private InsprlEmailService emails(InsprlWhatsAppService account) {
		return new InsprlEmailService(this.client.withCredentials(new InsprlCredentials(this.account, KEY)),
				"shop@example.com");
	}

	private void fuzz(String operation, Function<Generator, String> bodies, Call call) {
		int replies = Integer.getInteger("insprl.fuzz.replies", DEFAULT_REPLIES);
		long seed = Long.getLong("insprl.fuzz.seed", System.nanoTime());
		Generator generator = new Generator(new Random(seed));
		int results = 0;
		int exceptions = 0;
		for (int i = 0; i < replies; i++) {
			Reply reply = generator.reply(bodies);
			this.next.set(reply.bytes());
			this.closeAfter.set(reply.close());
			String context = operation + " reply " + i + " of seed " + seed + ": " + reply.describe();
			try {
				// an account per reply: a Retry-After in one reply pauses its account
				// only
				this.account = "client-" + i;
				Object result = call.run(this.service.withCredentials(this.account, KEY));
				KeyRuns.assertNone(KEY, String.valueOf(result));
				results++;
			}
			catch (InsprlException ex) {
				assertKeyFree(ex, context);
				exceptions++;
			}
			catch (Throwable ex) {
				fail(context + " ended in " + ex, ex);
			}
		}
		assertThat(results).as("some replies of seed %d were results", seed).isPositive();
		assertThat(exceptions).as("some replies of seed %d were exceptions", seed).isPositive();
		assertThat(results + exceptions).isEqualTo(replies);
	}

	private static void assertKeyFree(InsprlException ex, String context) {
		List<Object> texts = new ArrayList<>();
		for (Throwable t = ex; t != null; t = t.getCause()) {
			texts.add(t.toString());
			texts.add(t.getMessage());
		}
		if (ex instanceof InsprlApiException api) {
			texts.add(api.getApiMessages());
		}
		if (ex instanceof InsprlValidationException validation) {
			for (Map.Entry<String, List<String>> field : validation.getFieldErrors().entrySet()) {
				texts.add(field.getKey());
				texts.add(field.getValue());
			}
		}
		try {
			KeyRuns.assertNone(KEY, texts.toArray());
		}
		catch (AssertionError failure) {
			throw new AssertionError(context + ": " + failure.getMessage(), failure);
		}
	}

	@FunctionalInterface
	interface Call {

		Object run(InsprlWhatsAppService service);

	}

	/**
	 * One reply as the server writes it.
	 */
	record Reply(int status, String head, byte[] body, int bodyBytesSent, boolean close) {

		byte[] bytes() {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			out.writeBytes(this.head.getBytes(StandardCharsets.ISO_8859_1));
			out.write(this.body, 0, this.bodyBytesSent);
			return out.toByteArray();
		}

		String describe() {
			String text = new String(this.body, StandardCharsets.UTF_8);
			return "HTTP " + this.status + ", " + this.bodyBytesSent + " of " + this.body.length + " bytes sent: "
					+ ((text.length() > 300) ? text.substring(0, 300) + "..." : text);
		}

	}

	/**
	 * Generates replies from a seeded {@link Random}.
	 */
	static final class Generator {

		private final Random random;

		Generator(Random random) {
			this.random = random;
		}

		Reply reply(Function<Generator, String> bodies) {
			int status = status();
			String body = switch (this.random.nextInt(10)) {
				case 0 -> anyJson((this.random.nextInt(4) == 0) ? 600 : 12);
				case 1 -> html();
				case 2 -> "";
				default -> bodies.apply(this);
			};
			byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
			boolean informational = status < 200;
			boolean noBody = status == 204 || status == 304;
			boolean truncated = !informational && !noBody && bytes.length > 0 && this.random.nextInt(12) == 0;
			int sent = truncated ? this.random.nextInt(bytes.length) : bytes.length;
			// a Content-Length that lies, is not a number or is given twice: the
			// connection
			// closes after the body, so a declared length longer than the body ends at
			// once
			int lie = (!informational && !noBody && this.random.nextInt(12) == 0) ? 1 + this.random.nextInt(6) : 0;
			boolean close = informational || noBody || truncated || lie != 0 || this.random.nextInt(10) == 0;
			StringBuilder head = new StringBuilder("HTTP/1.1 " + status + " Whatever\r\n");
			if (!informational) {
				head.append("Content-Type: ").append(contentType()).append("\r\n");
				if (!noBody) {
					head.append(contentLength(bytes.length, lie));
				}
				if (this.random.nextInt(8) == 0) {
					head.append("Retry-After: ").append(retryAfter()).append("\r\n");
					if (this.random.nextInt(4) == 0) {
						head.append("Retry-After: ").append(retryAfter()).append("\r\n");
					}
				}
				if (this.random.nextInt(8) == 0) {
					head.append("X-Echo: ").append(keyish()).append("\r\n");
				}
				if (close) {
					head.append("Connection: close\r\n");
				}
			}
			head.append("\r\n");
			return new Reply(status, head.toString(), (informational || noBody) ? new byte[0] : bytes,
					(informational || noBody) ? 0 : sent, close);
		}

		private int status() {
			return switch (this.random.nextInt(4)) {
				case 0, 1 -> 200;
				case 2 -> pick(401, 403, 400, 422, 429, 500, 502, 503);
				default -> 100 + this.random.nextInt(500);
			};
		}

		private String contentType() {
			return pick("application/json", "application/json; charset=UTF-8", "text/html", "text/plain",
					"application/json; charset=" + KEY, "");
		}

		private String contentLength(int length, int lie) {
			String declared = switch (lie) {
				case 0 -> Integer.toString(length);
				case 1 -> Integer.toString(Math.max(0, length - 1));
				case 2 -> Integer.toString(length + 1 + this.random.nextInt(100));
				case 3 -> "-" + (1 + this.random.nextInt(100));
				case 4 -> pick("abc", "", "1e3", "0x10", " ");
				case 5 -> pick("99999999999999999999", Long.toString(Long.MAX_VALUE), "2147483648");
				default -> length + "\r\nContent-Length: " + (length + 1);
			};
			return "Content-Length: " + declared + "\r\n";
		}

		/**
		 * A {@code Retry-After} across its range: seconds over the whole {@code long}
		 * range and beyond, HTTP dates of any year, negative, empty, not a value at all.
		 */
		private String retryAfter() {
			return switch (this.random.nextInt(5)) {
				case 0 -> Long.toString(this.random.nextLong());
				case 1 -> plainDigits(1 + this.random.nextInt(40));
				case 2 -> String.format(Locale.ROOT, "Fri, 31 Dec %04d 23:59:59 GMT", 1 + this.random.nextInt(9999));
				default -> pick("0", "1", "120", "-5", "", " ", "99999999999999999999", "Wed, 21 Oct 2015 07:28:00 GMT",
						"Fri, 31 Dec 9999 23:59:59 GMT", "soon", KEY);
			};
		}

		private String plainDigits(int count) {
			StringBuilder digits = new StringBuilder(count);
			for (int i = 0; i < count; i++) {
				digits.append((char) ('0' + this.random.nextInt(10)));
			}
			return digits.toString();
		}

		String logoutBody() {
			StringBuilder json = new StringBuilder("{");
			field(json, "code", codeValue());
			if (this.random.nextBoolean()) {
				field(json, "message", messageValue());
			}
			if (this.random.nextInt(3) == 0) {
				field(json, "errors", messageValue());
			}
			if (this.random.nextBoolean()) {
				field(json, "result", anyValue(3));
			}
			if (this.random.nextInt(3) == 0) {
				field(json, pick(FIELDS), anyValue(4));
			}
			return close(json);
		}

		String emailBody(String... fields) {
			StringBuilder json = new StringBuilder("{");
			field(json, "code", codeValue());
			if (this.random.nextInt(3) == 0) {
				field(json, pick("message", "errors"), messageValue());
			}
			if (this.random.nextInt(8) == 0) {
				field(json, "data", anyValue(4));
			}
			else {
				StringBuilder data = new StringBuilder("{");
				for (String name : fields) {
					if (this.random.nextInt(5) > 0) {
						field(data, name, anyValue(2));
					}
				}
				field(json, "data", close(data));
			}
			return close(json);
		}

		String campaignBody() {
			StringBuilder json = new StringBuilder("{");
			field(json, "status", pick("true", "false", "\"ok\"", "1", "null"));
			field(json, "code", codeValue());
			if (this.random.nextInt(4) == 0) {
				field(json, pick("message", "errors"), messageValue());
			}
			if (this.random.nextInt(10) == 0) {
				field(json, "data", anyValue(4));
			}
			else {
				StringBuilder data = new StringBuilder("{");
				field(data, "campaign", (this.random.nextInt(8) == 0) ? anyValue(3) : campaign());
				StringBuilder contacts = new StringBuilder("[");
				int count = this.random.nextInt(4);
				for (int i = 0; i < count; i++) {
					contacts.append((i > 0) ? "," : "").append((this.random.nextInt(6) == 0) ? anyValue(2) : contact());
				}
				field(data, "contacts", (this.random.nextInt(10) == 0) ? anyValue(2) : contacts.append("]").toString());
				field(json, "data", close(data));
			}
			return close(json);
		}

		private String campaign() {
			StringBuilder json = new StringBuilder("{");
			for (String name : new String[] { "campaign_id", "name", "status", "created_at" }) {
				field(json, name, (this.random.nextInt(3) == 0) ? anyValue(2) : string());
			}
			for (String name : new String[] { "total", "accepted", "sent", "delivered", "delivery_rate", "read",
					"replied", "failed" }) {
				field(json, name, numberish());
			}
			return close(json);
		}

		private String contact() {
			StringBuilder json = new StringBuilder("{");
			for (String name : new String[] { "phone", "status", "message_id", "created_at", "sent_at" }) {
				field(json, name, (this.random.nextInt(3) == 0) ? anyValue(2) : string());
			}
			return close(json);
		}

		private String codeValue() {
			return switch (this.random.nextInt(8)) {
				case 0, 1, 2 -> "\"100\"";
				case 3 -> "100";
				case 4 -> pick("101", "\"102\"", "103", "104", "105", "129", "\"129\"");
				case 5 -> numberish();
				default -> anyValue(2);
			};
		}

		private String messageValue() {
			return switch (this.random.nextInt(4)) {
				case 0 -> string();
				case 1 -> "[" + string() + "," + string() + "]";
				case 2 -> "{" + quote(keyish()) + ":[" + string() + "]," + quote("phone") + ":" + string() + "}";
				default -> anyValue(5);
			};
		}

		private String numberish() {
			return switch (this.random.nextInt(6)) {
				case 0 -> pick(NUMBERS);
				case 1 -> quote(pick(this.random.nextBoolean() ? NUMBERS : NOT_NUMBERS));
				case 2 ->
					digits(1 + ((this.random.nextInt(8) == 0) ? this.random.nextInt(3000) : this.random.nextInt(40)));
				case 3 -> quote(digits(1 + this.random.nextInt(50)));
				case 4 -> String.valueOf(this.random.nextInt(1000));
				default -> anyValue(2);
			};
		}

		private String digits(int count) {
			StringBuilder digits = new StringBuilder(count + 8);
			if (this.random.nextBoolean()) {
				digits.append('-');
			}
			digits.append(1 + this.random.nextInt(9));
			for (int i = 1; i < count; i++) {
				digits.append(this.random.nextInt(10));
			}
			if (this.random.nextInt(3) == 0) {
				digits.append('.').append(this.random.nextInt(1000));
			}
			if (this.random.nextInt(3) == 0) {
				digits.append('e').append(this.random.nextInt(2000) - 1000);
			}
			return digits.toString();
		}

		String anyJson(int depth) {
			return anyValue(depth);
		}

		private String anyValue(int depth) {
			if (depth <= 0) {
				return scalar();
			}
			return switch (this.random.nextInt(6)) {
				case 0 -> {
					StringBuilder array = new StringBuilder("[");
					int count = (depth > 50) ? 1 : this.random.nextInt(4);
					for (int i = 0; i < count; i++) {
						array.append((i > 0) ? "," : "").append(anyValue(depth - 1));
					}
					yield array.append("]").toString();
				}
				case 1 -> {
					StringBuilder object = new StringBuilder("{");
					int count = (depth > 50) ? 1 : this.random.nextInt(4);
					for (int i = 0; i < count; i++) {
						field(object, this.random.nextBoolean() ? pick(FIELDS) : keyish(), anyValue(depth - 1));
					}
					yield close(object);
				}
				default -> (depth > 50) ? anyValue(depth - 1) : scalar();
			};
		}

		private String scalar() {
			return switch (this.random.nextInt(6)) {
				case 0 -> string();
				case 1 -> numberish();
				case 2 -> pick("true", "false", "null");
				case 3 -> String.valueOf(this.random.nextLong());
				case 4 -> String.valueOf(this.random.nextDouble() * Math.pow(10, this.random.nextInt(600) - 300));
				default ->
					(this.random.nextInt(50) == 0) ? pick(NOT_NUMBERS[0], NOT_NUMBERS[1]) : quote(pick(NOT_NUMBERS));
			};
		}

		private String string() {
			return quote(switch (this.random.nextInt(5)) {
				case 0 -> keyish();
				case 1 -> "DAILY_LIMIT_REACHED";
				case 2 -> "<b>" + keyish() + "</b> \u00e9\u4e2d";
				case 3 -> "";
				default -> Integer.toString(this.random.nextInt(), 36);
			});
		}

		/**
		 * The key, a run of six or more of its characters, or those with text around.
		 */
		private String keyish() {
			int start = this.random.nextInt(KEY.length() - 6);
			int end = start + 6 + this.random.nextInt(KEY.length() - start - 6 + 1);
			String run = KEY.substring(start, end);
			return switch (this.random.nextInt(4)) {
				case 0 -> KEY;
				case 1 -> run;
				case 2 -> "bad key " + run + " given";
				default -> KEY + KEY.substring(0, 6);
			};
		}

		private String html() {
			return pick("<html><body><p>Oops! Facing network problem. Unable to load this page.</p></body></html>",
					"<!DOCTYPE html><title>" + KEY + "</title>", "<html>", "\u0000\u0001\u00ff");
		}

		private void field(StringBuilder json, String name, String value) {
			if (json.length() > 1) {
				json.append(',');
			}
			json.append(quote(name)).append(':').append(value);
		}

		private static String close(StringBuilder json) {
			return json.append('}').toString();
		}

		private static String quote(String text) {
			return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
		}

		@SafeVarargs
		private <T> T pick(T... values) {
			return values[this.random.nextInt(values.length)];
		}

	}

}
