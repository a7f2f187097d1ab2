package com.insprl.benchmarks;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link OverheadBenchmark} with JMH's allocation profiler and prints, for each
 * client library, the time and the bytes allocated per call of the hand-written call, of
 * a hand-written {@code RestClient} call and of the insprl client, and the insprl
 * client's ratios to the other two: {@code benchmarks/overhead}.
 */
public final class OverheadTable {

	private OverheadTable() {
	}

	public static void main(String[] args) throws Exception {
		Collection<RunResult> results = new Runner(
				new OptionsBuilder().include(OverheadBenchmark.class.getName()).addProfiler(GCProfiler.class).build())
			.run();
		Map<String, Map<String, double[]>> byLibrary = new LinkedHashMap<>();
		for (RunResult result : results) {
			String library = result.getParams().getParam("library");
			String benchmark = result.getParams().getBenchmark().replaceAll(".*\\.", "");
			Result<?> time = result.getPrimaryResult();
			Result<?> bytes = result.getSecondaryResults().get("gc.alloc.rate.norm");
			byLibrary.computeIfAbsent(library, (name) -> new LinkedHashMap<>())
				.put(benchmark, new double[] { time.getScore(), time.getScoreError(),
						(bytes != null) ? bytes.getScore() : Double.NaN });
		}
		System.out.printf("%nJava %s, %d CPUs; one thread, stub on loopback answering at once%n%n",
				System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
		System.out.println("| library | hand-written: us, bytes | hand-written RestClient: us, bytes "
				+ "| insprl client: us, bytes | to hand-written: time, bytes | to RestClient: time, bytes |");
		System.out.println("| --- | --- | --- | --- | --- | --- |");
		byLibrary.forEach((library, scores) -> {
			double[] hand = score(scores, "handWritten");
			double[] rest = score(scores, "handWrittenRestClient");
			double[] insprl = score(scores, "insprlClient");
			System.out.printf("| %s | %s | %s | %s | %.2fx, %.2fx | %.2fx, %.2fx |%n", library, cell(hand), cell(rest),
					cell(insprl), insprl[0] / hand[0], insprl[2] / hand[2], insprl[0] / rest[0], insprl[2] / rest[2]);
		});
	}

	private static double[] score(Map<String, double[]> scores, String benchmark) {
		return Objects.requireNonNull(scores.get(benchmark), benchmark);
	}

	private static String cell(double[] score) {
		return String.format("%.1f ± %.1f, %.0f", score[0], score[1], score[2]);
	}

}
