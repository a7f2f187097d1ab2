package com.insprl.observation;

import java.util.Set;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import org.jspecify.annotations.Nullable;

/**
 * The default names and tags of an insprl call's observation: named {@value #NAME} (so
 * its timer is the {@code insprl.api.calls} metric), with the low-cardinality tags
 * {@code operation}, {@code outcome} and {@code code}, and the attempts made and the
 * reply's exact code ({@code reply.code}) as high-cardinality values (on spans only).
 * <p>
 * The {@code code} tag comes from insprl's reply, so its values are bounded whatever the
 * server sends: one of the documented codes, {@code none} when the reply had none, and
 * {@code other} for any other code. A broken or hostile server cannot make the
 * application create a time series per code.
 */
public class DefaultInsprlObservationConvention implements InsprlObservationConvention {

	/** The observation's name, and so its timer's. */
	public static final String NAME = "insprl.api.calls";

	/** The codes insprl documents, each its own {@code code} tag value. */
	private static final Set<Integer> DOCUMENTED_CODES = Set.of(100, 101, 102, 103, 104, 105, 129);

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
				KeyValue.of("outcome", context.getOutcome()), KeyValue.of("code", codeTag(context.getCode())));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(InsprlObservationContext context) {
		return KeyValues.of(KeyValue.of("attempts", String.valueOf(context.getAttempts())),
				KeyValue.of("reply.code", (context.getCode() != null) ? context.getCode().toString() : "none"));
	}

	/**
	 * Return the {@code code} tag value for a reply's code: the code itself when insprl
	 * documents it, {@code none} when there was none, {@code other} otherwise.
	 * @param code the reply's code, or {@code null}
	 * @return one of a bounded set of values
	 */
	protected static String codeTag(@Nullable Integer code) {
		if (code == null) {
			return "none";
		}
		return DOCUMENTED_CODES.contains(code) ? code.toString() : "other";
	}

}
