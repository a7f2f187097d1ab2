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
 * the same logout written by hand on the same client library, and written by hand with a
 * {@code RestClient} on that library, one thread, a stub on loopback that answers at
 * once. {@link OverheadTable} runs it with JMH's allocation profiler and prints the
 * ratios.
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
	 * The client library, as {@code spring.http.clients.imperative.factory} names it:
	 * {@code jdk} (the JDK {@code HttpClient}, what Spring Boot picks when the
	 * application brings no other), {@code http-components} (Apache HttpClient 5),
	 * {@code jetty}, {@code reactor} (Reactor Netty) or {@code simple} (the JDK's
	 * {@code HttpURLConnection}).
	 */
	@Param({ "jdk", "http-components", "jetty", "reactor", "simple" })
	public String library = "jdk";

	private Contenders contenders;

	private RawClients raw;

	@Setup
	public void start() throws Exception {
		this.contenders = new Contenders(Duration.ZERO, "spring.http.clients.imperative.factory=" + this.library);
		this.raw = new RawClients(this.contenders.logoutUri());
	}

	@TearDown
	public void stop() throws Exception {
		this.raw.close();
		this.contenders.close();
	}

	/**
	 * The logout written by hand on the library ({@link Contenders}, {@link RawClients}),
	 * reading the code from the reply with Jackson.
	 * @return the reply's code
	 * @throws Exception if the call fails
	 */
	@Benchmark
	public int handWritten() throws Exception {
		return switch (this.library) {
			case "jdk" -> this.contenders.rawJdkHttpClient();
			case "http-components" -> this.contenders.rawApacheHttpClient();
			case "jetty" -> this.raw.jetty();
			case "reactor" -> this.raw.reactor();
			default -> this.raw.simple();
		};
	}

	/**
	 * The logout written by hand with a {@code RestClient} from the application's
	 * auto-configured builder, on the same library, with Spring Boot's
	 * {@code http.client.requests} observation: what the call costs through
	 * {@code RestClient} alone.
	 * @return the reply's code
	 */
	@Benchmark
	public int handWrittenRestClient() {
		return this.contenders.handWrittenRestClient();
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
