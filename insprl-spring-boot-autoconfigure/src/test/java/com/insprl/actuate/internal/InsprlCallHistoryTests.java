package com.insprl.actuate.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.insprl.client.InsprlCallEvent;
import com.insprl.client.InsprlCallEvent.Outcome;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link InsprlCallHistory}: what it keeps, and that it is bounded.
 */
class InsprlCallHistoryTests {

	private final InsprlCallHistory history = new InsprlCallHistory();

	private static InsprlCallEvent event(String operation, Outcome outcome, int n, String failure) {
		return new InsprlCallEvent(operation, outcome, (outcome == Outcome.SUCCESS) ? 100 : 129, 1 + n % 3,
				Duration.ofMillis(n), Instant.parse("2026-12-06T07:00:00Z").plusSeconds(n), "client-" + n, failure);
	}

	@Test
	void theLastOutcomesAndFailuresAreKeptTheLatestFirst() {
		for (int n = 0; n < 50; n++) {
			boolean failed = n % 7 == 0;
			this.history.onCall(event("whatsapp.instance.logout", failed ? Outcome.RATE_LIMITED : Outcome.SUCCESS, n,
					failed ? "usage limit " + n : null));
		}
		InsprlCallHistory.Operation logout = this.history.operations().get("whatsapp.instance.logout");
		assertThat(logout.calls()).isEqualTo(50);
		assertThat(logout.failures()).isEqualTo(8);
		assertThat(logout.lastOutcomes()).hasSize(InsprlCallHistory.OUTCOMES)
			.extracting(InsprlCallHistory.Call::clientId)
			.startsWith("client-49", "client-48");
		assertThat(logout.lastFailures()).hasSize(InsprlCallHistory.FAILURES)
			.extracting(InsprlCallHistory.Call::reason)
			.containsExactly("usage limit 49", "usage limit 42", "usage limit 35", "usage limit 28", "usage limit 21");
		assertThat(logout.lastFailures().get(0)).satisfies((call) -> {
			assertThat(call.at()).isEqualTo("2026-12-06T07:00:49Z");
			assertThat(call.outcome()).isEqualTo("rate_limited");
			assertThat(call.code()).isEqualTo(129);
			assertThat(call.attempts()).isEqualTo(2);
			assertThat(call.millis()).isEqualTo(49);
		});
	}

	/**
	 * Eight threads, each calling 20 operations of its own, released at once: still at
	 * most {@value InsprlCallHistory#OPERATIONS} operations kept, and every call either
	 * recorded or counted as unrecorded.
	 */
	@Test
	void newOperationsArrivingAtOnceStayWithinTheBound() throws Exception {
		CyclicBarrier start = new CyclicBarrier(8);
		ExecutorService threads = Executors.newFixedThreadPool(8);
		try {
			List<Future<?>> callers = new ArrayList<>();
			for (int t = 0; t < 8; t++) {
				int thread = t;
				callers.add(threads.submit(() -> {
					start.await();
					for (int op = 0; op < 20; op++) {
						this.history.onCall(event("thread-" + thread + "-op-" + op, Outcome.SUCCESS, op, null));
					}
					return null;
				}));
			}
			for (Future<?> caller : callers) {
				caller.get(30, TimeUnit.SECONDS);
			}
		}
		finally {
			threads.shutdownNow();
		}
		Map<String, InsprlCallHistory.Operation> operations = this.history.operations();
		assertThat(operations).hasSize(InsprlCallHistory.OPERATIONS);
		long recorded = operations.values().stream().mapToLong(InsprlCallHistory.Operation::calls).sum();
		assertThat(recorded + this.history.unrecorded()).isEqualTo(8 * 20);
	}

	@Test
	void whatItHoldsIsBoundedHoweverManyOperationsCallsAndFailures() {
		for (int op = 0; op < 40; op++) {
			for (int n = 0; n < 100; n++) {
				this.history.onCall(event("operation-" + op, Outcome.CONNECTION, n, "x".repeat(10_000)));
			}
		}
		assertThat(this.history.operations()).hasSize(InsprlCallHistory.OPERATIONS).allSatisfy((name, operation) -> {
			assertThat(operation.lastOutcomes()).hasSize(InsprlCallHistory.OUTCOMES);
			assertThat(operation.lastFailures()).hasSize(InsprlCallHistory.FAILURES)
				.allSatisfy((call) -> assertThat(call.reason()).hasSize(InsprlCallHistory.REASON_LENGTH));
		});
		assertThat(this.history.unrecorded()).isEqualTo(8 * 100);
		this.history.reset();
		assertThat(this.history.operations()).isEmpty();
		assertThat(this.history.unrecorded()).isZero();
	}

}
