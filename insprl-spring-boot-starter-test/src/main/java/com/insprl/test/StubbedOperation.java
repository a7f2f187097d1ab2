package com.insprl.test;

import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.matching.StringValuePattern;

/**
 * An insprl endpoint as the stand-in answers it: its path, how it expects the key, how
 * its requests name what they are about, and the replies of its endpoint family (the
 * instance family answers errors with HTTP 200 and a code; the v1 family with a real HTTP
 * status, as insprl documents).
 */
enum StubbedOperation {

	/** {@code POST /whatsapp/instance/logout}, a form naming {@code instance_id}. */
	LOGOUT("whatsapp.instance.logout", "/whatsapp/instance/logout", false, "instance_id") {

		@Override
		String success() {
			return "{\"code\":\"100\",\"message\":\"success\",\"result\":\"Logout request sent to WhatsApp\"}";
		}

	},

	/**
	 * {@code POST /whatsapp/v1/campaigns/tracking}, JSON naming {@code account_id} and
	 * {@code campaign_uid}.
	 */
	CAMPAIGN_TRACKING("whatsapp.campaigns.tracking", "/whatsapp/v1/campaigns/tracking", true, "account_id",
			"campaign_uid") {

		@Override
		String success() {
			return """
					{"status":true,"code":100,"data":{"campaign":{"campaign_id":"4711","name":"Spring sale",\
					"status":"completed","total":3,"accepted":3,"sent":3,"delivered":2,"delivery_rate":66.67,"read":1,\
					"replied":1,"failed":1,"created_at":"2026-11-20 09:30:00"},"contacts":[\
					{"phone":"+919800000001","status":"read","message_id":"wamid.1","created_at":"2026-11-20 09:30:01",\
					"sent_at":"2026-11-20 09:30:02"},\
					{"phone":"+919800000002","status":"delivered","message_id":"wamid.2",\
					"created_at":"2026-11-20 09:30:01","sent_at":"2026-11-20 09:30:03"},\
					{"phone":"+919800000003","status":"failed","message_id":null,"created_at":"2026-11-20 09:30:01",\
					"sent_at":null}]}}""";
		}

	},

	/** {@code POST /email/send-to-batch}, JSON; every send is scripted alike. */
	SEND_EMAIL("email.send-to-batch", "/email/send-to-batch", true) {

		@Override
		String success() {
			return "{\"code\":100,\"message\":\"success\",\"data\":{\"queue_id\":\"stub-queue-1\","
					+ "\"status\":\"queued\",\"msg\":\"Mail queued\"}}";
		}

	},

	/** {@code POST /email/mailing-senders/add}, JSON naming {@code email}. */
	ADD_MAILING_SENDER("email.mailing-senders.add", "/email/mailing-senders/add", true, "email") {

		@Override
		String success() {
			return "{\"code\":100,\"message\":\"Sender added\"}";
		}

	},

	/** {@code POST /everifier/single-validate}, JSON naming {@code email}. */
	VERIFY_ADDRESS("everifier.single-validate", "/everifier/single-validate", true, "email") {

		@Override
		String success() {
			return "{\"code\":100,\"message\":\"success\",\"data\":{\"status\":\"Deliverable\","
					+ "\"credit\":\"1\",\"msg\":\"Email is deliverable\"}}";
		}

	};

	private final String operation;

	private final String path;

	private final boolean v1;

	private final List<String> selectors;

	StubbedOperation(String operation, String path, boolean v1, String... selectors) {
		this.operation = operation;
		this.path = path;
		this.v1 = v1;
		this.selectors = List.of(selectors);
	}

	String operation() {
		return this.operation;
	}

	String path() {
		return this.path;
	}

	List<String> selectors() {
		return this.selectors;
	}

	/**
	 * Return the value of the {@code Authorization} header that carries the key.
	 * @param clientKey the key
	 * @return the header value
	 */
	String authorization(String clientKey) {
		return this.v1 ? "Bearer " + clientKey : clientKey;
	}

	/**
	 * Match requests whose parameters have the given values, in a form or a JSON body.
	 * @param mapping the mapping to narrow
	 * @param values the values, one per selector
	 * @return the narrowed mapping
	 */
	MappingBuilder matching(MappingBuilder mapping, List<String> values) {
		for (int i = 0; i < this.selectors.size(); i++) {
			StringValuePattern value = WireMock.equalTo(values.get(i));
			mapping = this.v1 ? mapping.withRequestBody(WireMock.matchingJsonPath("$." + this.selectors.get(i), value))
					: mapping.withFormParam(this.selectors.get(i), value);
		}
		return mapping;
	}

	/**
	 * Return the body of a successful reply.
	 * @return the JSON body
	 */
	abstract String success();

	Reply successReply() {
		return new Reply(200, success());
	}

	Reply rejectedCredentials() {
		return this.v1 ? new Reply(401, "{\"status\":false,\"code\":101,\"message\":\"Unauthenticated.\"}")
				: new Reply(200, "{\"code\":\"101\",\"message\":\"Invalid Authorization Key\"}");
	}

	Reply rejectedParameters(Map<String, List<String>> errors) {
		String fields = Json.object(errors);
		return this.v1 ? new Reply(422,
				"{\"status\":false,\"code\":102,\"message\":\"The given data was invalid.\",\"errors\":" + fields + "}")
				: new Reply(200, "{\"code\":\"102\",\"message\":" + fields + "}");
	}

	Reply accountRestricted(String flag) {
		return new Reply(403, "{\"status\":false,\"code\":103,\"message\":\"Account restricted\",\"errors\":["
				+ Json.string(flag) + "]}");
	}

	Reply insufficientBalance() {
		return new Reply(400, "{\"status\":false,\"code\":104,\"message\":\"Insufficient wallet balance\","
				+ "\"errors\":[\"INSUFFICIENT_BALANCE\"]}");
	}

	Reply rateLimited() {
		return new Reply(429, this.v1 ? "{\"status\":false,\"code\":129,\"message\":\"DAILY_LIMIT_REACHED\"}"
				: "{\"code\":129,\"message\":\"DAILY_LIMIT_REACHED\"}");
	}

	/**
	 * A reply.
	 *
	 * @param status the HTTP status
	 * @param body the JSON body
	 */
	record Reply(int status, String body) {
	}

}
