package com.insprl.sample;

import java.net.http.HttpRequest;

import com.insprl.test.InsprlStub;
import com.insprl.test.SentEmail;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample's email endpoints in demo mode: a mail is sent to the stand-in with the
 * sample's default sender and recorded there, an address is verified, a bad address is
 * refused before anything is sent, and a send that may have reached insprl says so.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class EmailEndpointsTests {

	@LocalServerPort
	int port;

	@Autowired
	InsprlStub insprl;

	private SampleHttp http;

	@BeforeEach
	void http() {
		this.http = new SampleHttp(this.port);
	}

	@Test
	void aMailIsSentAndQueued() throws Exception {
		SampleHttp.Reply reply = send("{\"to\":[\"ada@example.com\",\"bob@example.org\"],\"subject\":\"Your receipt\","
				+ "\"body\":\"Thanks for your order\"}");
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.body().get("queueId").asString()).isEqualTo("stub-queue-1");
		assertThat(reply.body().get("recipients").asInt()).isEqualTo(2);
		assertThat(this.insprl.email().sentEmails()).singleElement().satisfies((SentEmail mail) -> {
			assertThat(mail.sender()).isEqualTo("news@shop.example");
			assertThat(mail.type()).isEqualTo("txn");
			assertThat(mail.recipients()).containsExactly("ada@example.com", "bob@example.org");
		});
	}

	@Test
	void aBadAddressIsRefusedBeforeAnythingIsSent() throws Exception {
		SampleHttp.Reply reply = send(
				"{\"to\":[\"ada@example.com\",\"not an address\"],\"subject\":\"s\",\"body\":\"b\"}");
		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.text()).contains("recipients[1] is not an email address");
		assertThat(this.insprl.requests()).isEmpty();
	}

	@Test
	void aSendThatMayHaveReachedInsprlSaysSo() throws Exception {
		this.insprl.email().sends().hasOutage();
		SampleHttp.Reply reply = send("{\"to\":[\"ada@example.com\"],\"subject\":\"s\",\"body\":\"b\"}");
		assertThat(reply.status()).isEqualTo(502);
		assertThat(reply.body().get("possiblyProcessed").asBoolean()).isTrue();
		assertThat(reply.body().get("attempts").asInt()).as("never sent twice").isOne();
		assertThat(this.insprl.email().sentEmails()).hasSize(1);
	}

	@Test
	void anAddressIsVerified() throws Exception {
		assertThat(this.http.get("/email-verifications/ada@example.com").body().get("status").asString())
			.isEqualTo("DELIVERABLE");
		assertThat(this.http.get("/email-verifications/bounce@example.com").body().get("status").asString())
			.isEqualTo("UNDELIVERABLE");
	}

	private SampleHttp.Reply send(String json) throws Exception {
		return this.http.send(this.http.request("/emails")
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json)));
	}

}
