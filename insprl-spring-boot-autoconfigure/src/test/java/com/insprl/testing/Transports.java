package com.insprl.testing;

import com.insprl.http.InsprlHttpTransport;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;

/**
 * The transports the tests send with.
 */
public final class Transports {

	private Transports() {
	}

	/**
	 * Return a transport on the client library Spring Boot detects on the tests' class
	 * path (Apache HttpClient), with a pool of 50 connections.
	 * @return a new transport, to be closed by the test
	 */
	public static InsprlHttpTransport detect() {
		return InsprlHttpTransport.create(ClientHttpRequestFactoryBuilder.detect(), HttpClientSettings.defaults(), 50);
	}

}
