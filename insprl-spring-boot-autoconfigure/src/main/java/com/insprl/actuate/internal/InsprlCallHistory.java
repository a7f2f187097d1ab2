package com.insprl.actuate.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import com.insprl.client.InsprlCallEvent;
import com.insprl.client.InsprlCallListener;
import org.jspecify.annotations.Nullable;

/**
 * The last calls of each operation, for the {@code insprl} endpoint: a listener that
 * keeps, per operation, the last {@value #OUTCOMES} outcomes and the last
 * {@value #FAILURES} failures, for at most {@value #OPERATIONS} operations. What it holds
 * is bounded by these numbers, however many calls, accounts and failures there are; a
 * failure's reason is cut to {@value #REASON_LENGTH} characters. It holds no key: a
 * failure's message never does.
 */
public class InsprlCallHistory implements InsprlCallListener {

	/** The outcomes kept per operation. */
	public static final int OUTCOMES = 10;

	/** The failures kept per operation. */
	public static final int FAILURES = 5;

	/** The operations kept; calls of others are only counted. */
	public static final int OPERATIONS = 32;

	/** The longest failure reason kept. */
	public static final int REASON_LENGTH = 300;

	private final Map<String, OperationCalls> operations = new ConcurrentHashMap<>();

	private final AtomicLong unrecorded = new AtomicLong();

	@Override
	public void onCall(InsprlCallEvent event) {
		OperationCalls calls = this.operations.get(event.operation());
		if (calls == null) {
			calls = newOperation(event.operation());
			if (calls == null) {
				this.unrecorded.incrementAndGet();
				return;
			}
		}
		calls.add(new Call(event), event.outcome() != InsprlCallEvent.Outcome.SUCCESS);
	}

	/**
	 * Return the calls of an operation not seen before, or {@code null} when
	 * {@value #OPERATIONS} others are kept: checked and added under one lock, so that
	 * calls of new operations arriving at once cannot add more.
	 * @param operation the operation's name
	 * @return its calls, or {@code null}
	 */
	private synchronized @Nullable OperationCalls newOperation(String operation) {
		OperationCalls calls = this.operations.get(operation);
		if (calls == null && this.operations.size() < OPERATIONS) {
			calls = new OperationCalls();
			this.operations.put(operation, calls);
		}
		return calls;
	}

	/**
	 * Return the calls of each operation, by operation name.
	 * @return the calls, a snapshot
	 */
	public Map<String, Operation> operations() {
		Map<String, Operation> snapshot = new LinkedHashMap<>();
		this.operations.entrySet()
			.stream()
			.sorted(Map.Entry.comparingByKey())
			.forEach((entry) -> snapshot.put(entry.getKey(), entry.getValue().snapshot()));
		return snapshot;
	}

	/**
	 * Return how many calls were not recorded because {@value #OPERATIONS} other
	 * operations were.
	 * @return the count
	 */
	public long unrecorded() {
		return this.unrecorded.get();
	}

	/**
	 * Forget every call.
	 */
	@Override
	public void reset() {
		this.operations.clear();
		this.unrecorded.set(0);
	}

	/**
	 * The calls of one operation.
	 *
	 * @param calls how many calls completed
	 * @param failures how many of them failed
	 * @param lastOutcomes the last calls, the latest first
	 * @param lastFailures the last failed calls, the latest first
	 */
	public record Operation(long calls, long failures, List<Call> lastOutcomes, List<Call> lastFailures) {

	}

	/**
	 * One completed call.
	 *
	 * @param at when it ended, as an ISO-8601 instant
	 * @param clientId the account's client id
	 * @param outcome how it ended, such as {@code success} or {@code rate_limited}
	 * @param code the API code of the last reply, or {@code null}
	 * @param attempts the requests made
	 * @param millis the time it took, in milliseconds
	 * @param reason why it failed, or {@code null} for a success
	 */
	public record Call(String at, String clientId, String outcome, @Nullable Integer code, int attempts, long millis,
			@Nullable String reason) {

		Call(InsprlCallEvent event) {
			this(event.completedAt().toString(), event.clientId(), event.outcome().tag(), event.code(),
					event.attempts(), event.duration().toMillis(), cut(event.failure()));
		}

		private static @Nullable String cut(@Nullable String reason) {
			return (reason == null || reason.length() <= REASON_LENGTH) ? reason
					: reason.substring(0, REASON_LENGTH - 1) + "…";
		}

	}

	private static final class OperationCalls {

		private final Deque<Call> outcomes = new ArrayDeque<>(OUTCOMES);

		private final Deque<Call> failures = new ArrayDeque<>(FAILURES);

		private long calls;

		private long failed;

		synchronized void add(Call call, boolean failure) {
			this.calls++;
			keep(this.outcomes, call, OUTCOMES);
			if (failure) {
				this.failed++;
				keep(this.failures, call, FAILURES);
			}
		}

		private static void keep(Deque<Call> calls, Call call, int most) {
			if (calls.size() == most) {
				calls.removeLast();
			}
			calls.addFirst(call);
		}

		synchronized Operation snapshot() {
			return new Operation(this.calls, this.failed, Collections.unmodifiableList(new ArrayList<>(this.outcomes)),
					Collections.unmodifiableList(new ArrayList<>(this.failures)));
		}

	}

}
