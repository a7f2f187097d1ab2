package com.insprl.metrics;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.insprl.client.InsprlCallEvent;
import com.insprl.client.InsprlCallListener;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Records each insprl call as a timer {@code insprl.api.calls}, tagged with the
 * {@code operation}, the {@code outcome} ({@code success}, {@code authentication},
 * {@code validation}, {@code rate_limited}, {@code api_error}, {@code connection}) and the
 * API {@code code} ({@code none} when the reply had none). HTTP-level metrics cannot tell
 * these apart: insprl answers most rejections with HTTP 200.
 */
public class InsprlMetricsListener implements InsprlCallListener {

	/** The timer's name. */
	public static final String METRIC_NAME = "insprl.api.calls";

	private final MeterRegistry registry;

	private final Map<TimerKey, Timer> timers = new ConcurrentHashMap<>();

	public InsprlMetricsListener(MeterRegistry registry) {
		this.registry = registry;
	}

	@Override
	public void onCall(InsprlCallEvent event) {
		TimerKey key = new TimerKey(event.operation(), event.outcome(), event.code());
		this.timers.computeIfAbsent(key, this::register).record(event.duration());
	}

	private Timer register(TimerKey key) {
		return Timer.builder(METRIC_NAME)
			.description("insprl API calls, retries included")
			.tag("operation", key.operation())
			.tag("outcome", key.outcome().tag())
			.tag("code", (key.code() != null) ? key.code().toString() : "none")
			.register(this.registry);
	}

	private record TimerKey(String operation, InsprlCallEvent.Outcome outcome, Integer code) {
	}

}
