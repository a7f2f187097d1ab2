package com.insprl.test;

import java.util.List;

import com.github.tomakehurst.wiremock.standalone.MappingsSource;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.stubbing.StubMappings;

/**
 * Reads no mapping files, so that a project's own WireMock files never change how the
 * stand-in answers.
 */
final class NoMappingFiles implements MappingsSource {

	@Override
	public void save(List<StubMapping> stubMappings) {
	}

	@Override
	public void save(StubMapping stubMapping) {
	}

	@Override
	public void remove(StubMapping stubMapping) {
	}

	@Override
	public void removeAll() {
	}

	@Override
	public void loadMappingsInto(StubMappings stubMappings) {
	}

}
