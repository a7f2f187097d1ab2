package com.insprl.benchmarks.app;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * An application as a user has it: auto-configuration with actuator (metrics) on the
 * class path, and the starter's defaults (retries on).
 */
@SpringBootApplication
public class BenchmarkApplication {

}
