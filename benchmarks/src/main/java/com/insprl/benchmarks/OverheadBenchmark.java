package com.insprl.benchmarks;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The insprl client's own overhead: a logout through the auto-configured service against
 * the same logout written by hand on the same client library, one thread, a stub on
 * loopback that answers at once. {@link OverheadTable} runs it with JMH's allocation
 * profiler and prints the ratios.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@Fork(value = 1,
		jvmArgsAppend = { "-Dsun.net.httpserver.nodelay=true", "-Djdk.httpclient.enableAllMethodRetry=true", "-Xms1g",
				"-Xmx1g" })
@Warmup(iterations = 6, time = 3)
@Measurement(iterations = 5, time = 3)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class OverheadBenchmark {

	/**
	 * The client library: {@code jdk} (the JDK {@code HttpClient}, what Spring Boot picks
	 * when the application brings no other) or {@code http-components} (Apache HttpClient
	 * 5).
	 */
	@Param({ "jdk", "http-components" })
	public String library = "jdk";

	private Contenders contenders;

	@Setup
	public void start() throws Exception {
		this.contenders = new Contenders(Duration.ZERO, "spring.http.clients.imperative.factory=" + this.library);
	}

	@TearDown
	public void stop() throws Exception {
		this.contenders.close();
	}

	/**
	 * The logout written by hand on the library: the raw JDK {@code HttpClient} or raw
	 * Apache HttpClient, reading the code from the reply with Jackson.
	 * @return the reply's code
	 * @throws Exception if the call fails
	 */
	@Benchmark
	public int handWritten() throws Exception {
		return this.library.equals("jdk") ? this.contenders.rawJdkHttpClient() : this.contenders.rawApacheHttpClient();
	}

	/**
	 * The logout through the auto-configured {@code InsprlWhatsAppService}, with its
	 * retries, deadline, observation, listeners and masking.
	 * @return the reply's code
	 */
	@Benchmark
	public int insprlClient() {
		return this.contenders.starter();
	}

}
