package com.example.host;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What many applications do: log every outgoing request, headers included, from an
 * interceptor that a customizer adds to every RestClient Spring Boot builds. Here the log
 * is a list, so that the tests can read it.
 */
@Configuration(proxyBeanMethods = false)
public class RequestLogging {

	private final List<String> lines = new CopyOnWriteArrayList<>();

	@Bean
	RestClientCustomizer requestLoggingCustomizer() {
		return (builder) -> builder.requestInterceptor((request, body, execution) -> {
			this.lines.add("> " + request.getMethod() + " " + request.getURI() + " " + request.getHeaders() + " "
					+ request.getAttributes());
			try {
				return execution.execute(request, body);
			}
			finally {
				this.lines.add("< " + request.getURI() + " " + request.getHeaders());
			}
		});
	}

	public List<String> lines() {
		return this.lines;
	}

}
