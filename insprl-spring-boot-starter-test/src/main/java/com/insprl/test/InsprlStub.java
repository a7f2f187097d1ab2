package com.insprl.test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.common.Slf4jNotifier;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.matching.MatchResult;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import org.springframework.util.Assert;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * A stand-in for insprl on loopback that answers every endpoint the starter supports the
 * way insprl does, for tests and offline demos: success by default, the API's own error
 * replies on request, and a record of what was sent.
 * <p>
 * It accepts the test credentials ({@link #CLIENT_ID}, {@link #CLIENT_KEY}), and those of
 * any account {@linkplain #addAccount added}, and answers any other id or key with code
 * 101, as insprl would. Its answers are scripted per request: <pre class="code">
 * insprl.logout("team-phone-7").rejectsCredentials();
 * insprl.logout("old-phone").isRateLimited(Duration.ofSeconds(30));
 * </pre> Nothing is read from files, so it runs the same from a test, an IDE or a
 * packaged jar.
 */
public final class InsprlStub implements AutoCloseable {

	/** The CLIENT ID the stand-in expects. */
	public static final String CLIENT_ID = "insprl-test-client";

	/** The CLIENT KEY the stand-in expects; any other key is answered with code 101. */
	public static final String CLIENT_KEY = "tk-8f3d2a9c7e1b";

	static final String API_PATH = "/api";

	private static final int PRIORITY_WRONG_KEY = 1;

	private static final int PRIORITY_SCRIPTED = 5;

	private static final int PRIORITY_DEFAULT = 10;

	private final WireMockServer server;

	private volatile Consumer<InsprlStub> defaults = (stub) -> {
	};

	private final Map<String, String> accounts = new ConcurrentHashMap<>();

	private InsprlStub(WireMockServer server) {
		this.server = server;
	}

	/**
	 * Start a stand-in on a free port of 127.0.0.1.
	 * @return the running stand-in, to be closed when done
	 */
	public static InsprlStub start() {
		WireMockServer server = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1")
			.dynamicPort()
			.containerThreads(20)
			.mappingSource(new NoMappingFiles())
			.notifier(new Slf4jNotifier(false)));
		server.start();
		InsprlStub stub = new InsprlStub(server);
		stub.reset();
		return stub;
	}

	/**
	 * Return the URL to set as {@code insprl.base-url}.
	 * @return the stand-in's API root, such as {@code http://127.0.0.1:41234/api}
	 */
	public String baseUrl() {
		return "http://127.0.0.1:" + this.server.port() + API_PATH;
	}

	/**
	 * Script the answer to the logout of one instance.
	 * @param instanceId the instance id
	 * @return how to answer
	 */
	public StubAnswers logout(String instanceId) {
		Assert.hasText(instanceId, "instanceId must not be blank");
		return new StubAnswers(this, StubbedOperation.LOGOUT, List.of(instanceId));
	}

	/**
	 * Script the answer to the tracking of one campaign.
	 * @param accountId the WhatsApp Account UID
	 * @param campaignUid the campaign's UID
	 * @return how to answer
	 */
	public StubAnswers campaignTracking(String accountId, String campaignUid) {
		Assert.hasText(accountId, "accountId must not be blank");
		Assert.hasText(campaignUid, "campaignUid must not be blank");
		return new StubAnswers(this, StubbedOperation.CAMPAIGN_TRACKING, List.of(accountId, campaignUid));
	}

	/**
	 * Return the stand-in's email operations: their scripted answers and the mails sent.
	 * @return the email operations
	 */
	public EmailStub email() {
		return new EmailStub(this);
	}

	/**
	 * Accept another account besides the test account, such as a customer's an
	 * application reaches through {@code withCredentials}; until the next reset.
	 * @param clientId the account's CLIENT ID
	 * @param clientKey the account's CLIENT KEY
	 */
	public void addAccount(String clientId, String clientKey) {
		Assert.hasText(clientId, "clientId must not be blank");
		Assert.hasText(clientKey, "clientKey must not be blank");
		this.accounts.put(clientId, clientKey);
	}

	/**
	 * Return every request received since the last reset, in order.
	 * @return the requests
	 */
	public List<SentRequest> requests() {
		List<SentRequest> requests = new ArrayList<>();
		for (LoggedRequest request : this.server.findAll(WireMock.anyRequestedFor(WireMock.anyUrl()))) {
			for (StubbedOperation operation : StubbedOperation.values()) {
				if (request.getUrl().equals(API_PATH + operation.path())) {
					requests.add(sentRequest(operation, request));
				}
			}
		}
		return requests;
	}

	/**
	 * Return the instances logged out since the last reset, in order, as often as each
	 * was.
	 * @return the instance ids
	 */
	public List<String> loggedOutInstances() {
		return requests().stream()
			.filter((request) -> request.operation().equals(StubbedOperation.LOGOUT.operation()))
			.map((request) -> request.parameters().get("instance_id"))
			.toList();
	}

	/**
	 * Return how many logout requests for an instance were received since the last reset,
	 * retries included.
	 * @param instanceId the instance id
	 * @return the count
	 */
	public int logoutsOf(String instanceId) {
		return (int) loggedOutInstances().stream().filter(instanceId::equals).count();
	}

	/**
	 * Return how many reachability probes (a {@code HEAD} of the API root, as the
	 * starter's health indicator sends) were received since the last reset.
	 * @return the count
	 */
	public int reachabilityProbes() {
		return this.server.findAll(WireMock.headRequestedFor(WireMock.urlPathEqualTo(API_PATH))).size();
	}

	/**
	 * Set answers that stay scripted across {@link #reset()}, such as a demo's error
	 * cases, and script them now.
	 * @param defaults scripts the answers, given this stand-in
	 */
	public void setDefaults(Consumer<InsprlStub> defaults) {
		Assert.notNull(defaults, "defaults must not be null");
		this.defaults = defaults;
		reset();
	}

	/**
	 * Forget received requests and the answers scripted since the defaults: every request
	 * succeeds again, but for the defaults.
	 */
	public void reset() {
		this.server.resetAll();
		this.accounts.clear();
		this.accounts.put(CLIENT_ID, CLIENT_KEY);
		for (StubbedOperation operation : StubbedOperation.values()) {
			this.server.stubFor(post(operation).atPriority(PRIORITY_WRONG_KEY)
				.andMatching((request) -> MatchResult.of(!isAccepted(operation, request)))
				.willReturn(json(operation.rejectedCredentials())));
			this.server
				.stubFor(post(operation).atPriority(PRIORITY_DEFAULT).willReturn(json(operation.successReply())));
		}
		this.defaults.accept(this);
	}

	void script(StubbedOperation operation, List<String> values, ResponseDefinitionBuilder response) {
		MappingBuilder mapping = post(operation).atPriority(PRIORITY_SCRIPTED);
		this.server.stubFor(operation.matching(mapping, values).willReturn(response));
	}

	private static MappingBuilder post(StubbedOperation operation) {
		return WireMock.post(WireMock.urlPathEqualTo(API_PATH + operation.path()));
	}

	private static ResponseDefinitionBuilder json(StubbedOperation.Reply reply) {
		return WireMock.aResponse()
			.withStatus(reply.status())
			.withHeader("Content-Type", "application/json")
			.withBody(reply.body());
	}

	private boolean isAccepted(StubbedOperation operation, Request request) {
		String clientId = Json.fields(request.getBodyAsString(), request.getHeader("Content-Type")).get("client_id");
		String key = (clientId != null) ? this.accounts.get(clientId) : null;
		return key != null && operation.authorization(key).equals(request.getHeader("Authorization"));
	}

	private SentRequest sentRequest(StubbedOperation operation, LoggedRequest request) {
		Map<String, String> parameters = Json.fields(request.getBodyAsString(), request.getHeader("Content-Type"));
		String clientId = parameters.remove("client_id");
		String prefix = operation.authorization("");
		return new SentRequest(operation.operation(), clientId, parameters, request.getHeader("Authorization"), prefix);
	}

	/**
	 * Stop the stand-in.
	 */
	@Override
	public void close() {
		this.server.stop();
	}

}
