package com.insprl.observation;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;

/**
 * The default names and tags of an insprl call's observation: named
 * {@value #NAME} (so its timer is the {@code insprl.api.calls} metric), with the
 * low-cardinality tags {@code operation}, {@code outcome} and {@code code} ({@code none}
 * when the reply had none), and the attempts made as a high-cardinality value (on spans
 * only).
 */
public class DefaultInsprlObservationConvention implements InsprlObservationConvention {

	/** The observation's name, and so its timer's. */
	public static final String NAME = "insprl.api.calls";

	@Override
	public String getName() {
		return NAME;
	}

	@Override
	public String getContextualName(InsprlObservationContext context) {
		return "insprl " + context.getOperation();
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(InsprlObservationContext context) {
		return KeyValues.of(KeyValue.of("operation", context.getOperation()),
				KeyValue.of("outcome", context.getOutcome()),
				KeyValue.of("code", (context.getCode() != null) ? context.getCode().toString() : "none"));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(InsprlObservationContext context) {
		return KeyValues.of(KeyValue.of("attempts", String.valueOf(context.getAttempts())));
	}

}
