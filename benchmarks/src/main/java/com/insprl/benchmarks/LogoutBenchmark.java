package com.insprl.benchmarks;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The logout call of each contender ({@link Contenders}) against a stub on loopback that
 * answers at once, or after {@code stubDelayMillis} (a real network's round trip).
 * <p>
 * The JDK stub now and then closes a kept-alive connection just as the raw JDK client
 * reuses it, which that client only survives at its rate when it may resend a POST:
 * {@code jdk.httpclient.enableAllMethodRetry} lets it.
 */
@State(Scope.Benchmark)
@Fork(value = 1,
		jvmArgsAppend = { "-Dsun.net.httpserver.nodelay=true", "-Djdk.httpclient.enableAllMethodRetry=true", "-Xms1g",
				"-Xmx1g" })
@Warmup(iterations = 12, time = 5)
@Measurement(iterations = 5, time = 5)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class LogoutBenchmark {

	/**
	 * How long the stub waits before it answers, in milliseconds.
	 */
	@Param("0")
	public int stubDelayMillis;

	/**
	 * The client library Spring Boot builds the application's clients and the insprl
	 * client on ({@code spring.http.clients.imperative.factory}): {@code detect} for the
	 * one it detects on this class path (Apache HttpClient, which the benchmarks carry
	 * for the raw Apache call), {@code jdk} for what an application without Apache
	 * HttpClient gets, with or without the starter.
	 */
	@Param("detect")
	public String factory = "detect";

	private Contenders contenders;

	@Setup
	public void start() throws Exception {
		this.contenders = this.factory.equals("detect") ? new Contenders(Duration.ofMillis(this.stubDelayMillis))
				: new Contenders(Duration.ofMillis(this.stubDelayMillis),
						"spring.http.clients.imperative.factory=" + this.factory);
	}

	@TearDown
	public void stop() throws Exception {
		this.contenders.close();
	}

	@Benchmark
	public int rawJdkHttpClient() throws Exception {
		return this.contenders.rawJdkHttpClient();
	}

	@Benchmark
	public int rawApacheHttpClient() throws Exception {
		return this.contenders.rawApacheHttpClient();
	}

	@Benchmark
	public int handWrittenRestClient() {
		return this.contenders.handWrittenRestClient();
	}

	@Benchmark
	public int starter() {
		return this.contenders.starter();
	}

}
