package com.insprl.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.insprl.whatsapp.InsprlWhatsAppService;

/**
 * The starter with the local client-side rate limit at 50 requests per second (burst 5),
 * eight threads calling as fast as they can for 1,000 calls: the rate achieved against
 * the one configured.
 */
public final class RateLimitRun {

	private RateLimitRun() {
	}

	public static void main(String[] args) throws Exception {
		try (Contenders contenders = new Contenders(Duration.ZERO, "insprl.rate-limit.enabled=true",
				"insprl.rate-limit.requests-per-second=50", "insprl.rate-limit.burst=5",
				"insprl.rate-limit.max-wait=60s")) {
			InsprlWhatsAppService service = contenders.context().getBean(InsprlWhatsAppService.class);
			ExecutorService callers = Executors.newFixedThreadPool(8);
			List<Future<?>> running = new ArrayList<>();
			long start = System.nanoTime();
			for (int t = 0; t < 8; t++) {
				running.add(callers.submit(() -> {
					for (int i = 0; i < 125; i++) {
						service.logout("instance");
					}
					return null;
				}));
			}
			for (Future<?> call : running) {
				call.get();
			}
			double seconds = (System.nanoTime() - start) / 1e9;
			callers.shutdown();
			System.out.printf(Locale.ROOT,
					"1,000 calls at 50/s, burst 5: %.2f s, %.1f calls/s (the limit allows %.1f/s over this run)%n",
					seconds, 1000 / seconds, (5 + 50 * seconds) / seconds);
		}
	}

}
