package com.insprl.observation;

import java.util.Set;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import org.jspecify.annotations.Nullable;

/**
 * Names and tags the observation of an insprl call. Its default methods are the default
 * convention: named {@value #NAME} (so its timer is the {@code insprl.api.calls} metric),
 * with the low-cardinality tags {@code operation}, {@code outcome} and {@code code}, and
 * the attempts made and the reply's exact code ({@code reply.code}) as high-cardinality
 * values (on spans only). Define a bean of this type that overrides what it changes (and
 * calls {@code InsprlObservationConvention.super} to add to a default) to replace it.
 * <p>
 * The {@code code} tag comes from insprl's reply, so its values are bounded whatever the
 * server sends: one of the documented codes, {@code none} when the reply had none, and
 * {@code other} for any other code. A broken or hostile server cannot make the
 * application create a time series per code.
 */
public interface InsprlObservationConvention extends ObservationConvention<InsprlObservationContext> {

	/** The observation's name by default, and so its timer's. */
	String NAME = "insprl.api.calls";

	@Override
	default String getName() {
		return NAME;
	}

	@Override
	default String getContextualName(InsprlObservationContext context) {
		return "insprl " + context.getOperation();
	}

	@Override
	default KeyValues getLowCardinalityKeyValues(InsprlObservationContext context) {
		return KeyValues.of(KeyValue.of("operation", context.getOperation()),
				KeyValue.of("outcome", context.getOutcome()), KeyValue.of("code", codeTag(context.getCode())));
	}

	@Override
	default KeyValues getHighCardinalityKeyValues(InsprlObservationContext context) {
		return KeyValues.of(KeyValue.of("attempts", String.valueOf(context.getAttempts())),
				KeyValue.of("reply.code", (context.getCode() != null) ? context.getCode().toString() : "none"));
	}

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof InsprlObservationContext;
	}

	/**
	 * Return the {@code code} tag value for a reply's code: the code itself when insprl
	 * documents it, {@code none} when there was none, {@code other} otherwise.
	 * @param code the reply's code, or {@code null}
	 * @return one of a bounded set of values
	 */
	private static String codeTag(@Nullable Integer code) {
		if (code == null) {
			return "none";
		}
		return Set.of(100, 101, 102, 103, 104, 105, 129).contains(code) ? code.toString() : "other";
	}

}
