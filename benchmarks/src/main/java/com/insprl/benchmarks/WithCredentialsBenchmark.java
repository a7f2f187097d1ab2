package com.insprl.benchmarks;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.insprl.client.InsprlCallOptions;
import com.insprl.whatsapp.InsprlWhatsAppService;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What {@code withCredentials(clientId, clientKey)} costs, to get a service for another
 * account per request: the credentials' checks and the key's mask, nothing of the
 * transport. No request is sent.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@Fork(value = 1, jvmArgsAppend = { "-Xms1g", "-Xmx1g" })
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class WithCredentialsBenchmark {

	private Contenders contenders;

	private InsprlWhatsAppService service;

	@Setup
	public void start() throws Exception {
		this.contenders = new Contenders(Duration.ZERO);
		this.service = this.contenders.context().getBean(InsprlWhatsAppService.class);
	}

	@TearDown
	public void stop() throws Exception {
		this.contenders.close();
	}

	private final InsprlCallOptions options = InsprlCallOptions.builder()
		.callTimeout(Duration.ofSeconds(2))
		.maxAttempts(1)
		.build();

	@Benchmark
	public InsprlWhatsAppService withCredentials() {
		return this.service.withCredentials("customer-0042", "ck-9b2e7d4f1a6c3e8d5b0a7f2c");
	}

	@Benchmark
	public InsprlWhatsAppService withOptions() {
		return this.service.withOptions(this.options);
	}

}
