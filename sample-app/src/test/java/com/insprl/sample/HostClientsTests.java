package com.insprl.sample;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.insprl.http.InsprlHttpTransport;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.JdkClientHttpRequestFactoryBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application's own HTTP clients are as they would be without the starter: the
 * starter brings no client library, so Spring Boot builds them on the JDK client, and the
 * insprl client uses the same. Against a service that answers only once 64 requests have
 * arrived, 64 threads of the application's own Boot-built {@code RestClient} all get
 * their answer: nothing caps the application's connections to a host (Apache HttpClient,
 * which Boot would pick were the starter to bring it, keeps 5 per host).
 */
@SpringBootTest(webEnvironment = WebEnvironment.NONE)
class HostClientsTests {

	private static final int THREADS = 64;

	@Autowired
	ClientHttpRequestFactoryBuilder<?> requestFactoryBuilder;

	@Autowired
	InsprlHttpTransport insprlTransport;

	@Autowired
	RestClient.Builder restClientBuilder;

	@Test
	void springBootPicksTheJdkClientForTheApplicationAndTheInsprlClient() {
		assertThat(ClientHttpRequestFactoryBuilder.detect()).isInstanceOf(JdkClientHttpRequestFactoryBuilder.class);
		assertThat(this.requestFactoryBuilder).isInstanceOf(JdkClientHttpRequestFactoryBuilder.class);
		assertThat(this.insprlTransport.getLibrary()).isEqualTo("jdk");
	}

	@Test
	void theApplicationsRestClientHas64RequestsInFlightToOneHost() throws Exception {
		CountDownLatch arrived = new CountDownLatch(THREADS);
		HttpServer service = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), THREADS);
		ExecutorService handlers = Executors.newFixedThreadPool(THREADS);
		service.setExecutor(handlers);
		service.createContext("/", (exchange) -> {
			exchange.getRequestBody().readAllBytes();
			arrived.countDown();
			boolean all;
			try {
				all = arrived.await(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				all = false;
			}
			byte[] body = (all ? "all" : "some").getBytes();
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		service.start();
		ExecutorService callers = Executors.newFixedThreadPool(THREADS);
		try {
			RestClient client = this.restClientBuilder.baseUrl("http://127.0.0.1:" + service.getAddress().getPort())
				.build();
			List<Future<String>> answers = new ArrayList<>();
			for (int i = 0; i < THREADS; i++) {
				answers.add(callers.submit(() -> client.get().uri("/orders").retrieve().body(String.class)));
			}
			for (Future<String> answer : answers) {
				assertThat(answer.get(60, TimeUnit.SECONDS)).as("all %d requests were in flight at once", THREADS)
					.isEqualTo("all");
			}
		}
		finally {
			callers.shutdownNow();
			service.stop(0);
			handlers.shutdownNow();
		}
	}

}
