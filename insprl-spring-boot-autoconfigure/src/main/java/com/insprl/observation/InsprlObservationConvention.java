package com.insprl.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and tags the observation of an insprl call. Define a bean of this type to replace
 * {@link DefaultInsprlObservationConvention}, or extend that class to add to it.
 */
public interface InsprlObservationConvention extends ObservationConvention<InsprlObservationContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof InsprlObservationContext;
	}

}
