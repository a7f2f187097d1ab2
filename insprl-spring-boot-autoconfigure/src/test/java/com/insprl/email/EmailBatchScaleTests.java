package com.insprl.email;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.AbstractList;
import java.util.List;

import com.insprl.client.InsprlClient;
import com.insprl.client.InsprlCredentials;
import com.insprl.http.InsprlHttpTransport;
import com.insprl.testing.RawHttpServer;
import com.insprl.testing.TestAccount;
import com.insprl.testing.Transports;
import com.sun.management.ThreadMXBean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A list of 1,000,000 recipients, as a SaaS sends a newsletter, goes out in 100 requests
 * of 10,000 addresses to a loopback server that reads each whole: every recipient in
 * order, once, and the calling thread allocating no more than a few times one request's
 * body per batch (the list is never copied: it is a view that makes each address as it is
 * read). Allocation counts bytes, not time, so a busy machine does not change it.
 */
class EmailBatchScaleTests {

	private static final int RECIPIENTS = 1_000_000;

	private static final String QUEUED = "{\"code\":100,\"data\":{\"queue_id\":\"q-1\",\"status\":\"queued\"}}";

	private final InsprlHttpTransport transport = Transports.detect();

	private final RawHttpServer server;

	EmailBatchScaleTests() throws Exception {
		this.server = RawHttpServer.startKeepAlive(
				(exchange) -> exchange.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
						+ QUEUED.length() + "\r\n\r\n" + QUEUED));
	}

	@AfterEach
	void close() throws Exception {
		this.transport.close();
		this.server.close();
	}

	@Test
	void aMillionRecipientsGoOutInBatchesOfTenThousandWithTheClientsMemoryBoundedByABatch() {
		InsprlEmailService emails = new InsprlEmailService(InsprlClient.builder()
			.transport(this.transport)
			.timeouts(Duration.ofSeconds(2), Duration.ofSeconds(30))
			.baseUrl(this.server.baseUrl())
			.credentials(new InsprlCredentials("client-42", TestAccount.KEY))
			.build(), "news@shop.example");
		EmailMessage mail = EmailMessage.of(EmailMessage.Type.PROMO, "Spring sale", "30% off");
		List<String> recipients = new AbstractList<>() {

			@Override
			public String get(int index) {
				return "user" + (10_000_000 + index) + "@example.com";
			}

			@Override
			public int size() {
				return RECIPIENTS;
			}

		};
		emails.sendInBatches(mail, recipients.subList(0, 20_000), true);
		ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
		long before = threads.getCurrentThreadAllocatedBytes();
		EmailBatchResult result = emails.sendInBatches(mail, recipients, true);
		long allocated = threads.getCurrentThreadAllocatedBytes() - before;
		assertThat(result.isComplete()).isTrue();
		assertThat(result.batches()).hasSize(100)
			.allSatisfy((batch) -> assertThat(batch.recipients()).isEqualTo(10_000));
		assertThat(result.batches().get(99).firstRecipient()).isEqualTo(990_000);
		long requestBody = 10_000L * "user10000000@example.com,".length();
		// what the list allocates to make its addresses, read twice, is the caller's
		long listBefore = threads.getCurrentThreadAllocatedBytes();
		long characters = 0;
		for (int reading = 0; reading < 2; reading++) {
			for (String address : recipients) {
				characters += address.length();
			}
		}
		long listItself = threads.getCurrentThreadAllocatedBytes() - listBefore;
		assertThat(characters).isEqualTo(2L * RECIPIENTS * "user10000000@example.com".length());
		long perBatch = (allocated - listItself) / 100;
		assertThat(perBatch).as("bytes the calling thread allocates per batch, against a %,d-byte body", requestBody)
			.isLessThan(8 * requestBody);
		assertThat(this.server.requests()).hasSize(2 + 100);
	}

}
