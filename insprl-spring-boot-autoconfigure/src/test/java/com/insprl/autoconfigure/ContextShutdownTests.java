package com.insprl.autoconfigure;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.insprl.client.InsprlCallEvent;
import com.insprl.client.InsprlCallListener;
import com.insprl.http.InsprlHttpTransport;
import com.insprl.testing.RawHttpServer;
import com.insprl.testing.TestAccount;
import com.insprl.whatsapp.InsprlWhatsAppService;
import com.insprl.whatsapp.LogoutResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * A call in flight when the application context closes returns what insprl answered: the
 * transport releases its clients only once the exchange is over, and the call's listeners
 * (the health indicator among them), looked up when the context started, are not looked
 * up again. A call made once the context has closed is refused, unsent.
 */
class ContextShutdownTests {

	private final CountDownLatch arrived = new CountDownLatch(1);

	private final CountDownLatch closed = new CountDownLatch(1);

	private final List<InsprlCallEvent> told = new CopyOnWriteArrayList<>();

	private RawHttpServer insprl;

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(HttpClientAutoConfiguration.class, ImperativeHttpClientAutoConfiguration.class,
						RestClientAutoConfiguration.class, InsprlAutoConfiguration.class))
		.withPropertyValues(TestAccount.properties())
		.withBean(InsprlCallListener.class, () -> this.told::add);

	@AfterEach
	void stop() throws Exception {
		if (this.insprl != null) {
			this.insprl.close();
		}
	}

	/**
	 * insprl answers only once the context has closed.
	 */
	private void answerOnceClosed() throws Exception {
		this.insprl = RawHttpServer.start((exchange) -> {
			this.arrived.countDown();
			if (!this.closed.await(10, TimeUnit.SECONDS)) {
				throw new IllegalStateException("the context did not close");
			}
			exchange.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
					+ TestAccount.SUCCESS.length() + "\r\n\r\n" + TestAccount.SUCCESS);
		});
	}

	@ParameterizedTest
	@ValueSource(strings = { "jdk", "http_components", "reactor", "jetty", "simple" })
	void theFirstCallInFlightWhenTheContextClosesReturnsWhatInsprlAnswered(String factory) throws Exception {
		answerOnceClosed();
		CompletableFuture<LogoutResult> call = new CompletableFuture<>();
		this.contextRunner
			.withPropertyValues("insprl.base-url=" + this.insprl.baseUrl(),
					"spring.http.clients.imperative.factory=" + factory)
			.run((context) -> {
				InsprlWhatsAppService service = context.getBean(InsprlWhatsAppService.class);
				InsprlHttpTransport transport = context.getBean(InsprlHttpTransport.class);
				Thread caller = new Thread(() -> {
					try {
						call.complete(service.logout("inst-1"));
					}
					catch (RuntimeException ex) {
						call.completeExceptionally(ex);
					}
				});
				caller.start();
				assertThat(this.arrived.await(10, TimeUnit.SECONDS)).as("the request reached insprl").isTrue();
				context.close();
				assertThat(transport.isClosed()).isTrue();
				this.closed.countDown();
				assertThat(call.get(10, TimeUnit.SECONDS).result()).isEqualTo("Logout request sent to WhatsApp");
				assertThatIllegalStateException().isThrownBy(() -> service.logout("after-close"))
					.withMessageContaining("closed");
			});
		assertThat(this.told).as("the listener looked up at start-up was told").hasSize(1);
		assertThat(this.told.get(0).outcome()).isEqualTo(InsprlCallEvent.Outcome.SUCCESS);
	}

}
