package com.example.reactive;

import java.util.Map;

import com.insprl.whatsapp.InsprlWhatsAppService;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A reactive handler that calls the blocking insprl service off the event loop, on
 * Reactor's bounded elastic scheduler.
 */
@RestController
public class DeviceController {

	private final InsprlWhatsAppService whatsApp;

	public DeviceController(InsprlWhatsAppService whatsApp) {
		this.whatsApp = whatsApp;
	}

	@PostMapping("/devices/{instanceId}/unlink")
	public Mono<Map<String, String>> unlink(@PathVariable String instanceId) {
		return Mono.fromCallable(() -> this.whatsApp.logout(instanceId))
			.subscribeOn(Schedulers.boundedElastic())
			.map((result) -> Map.of("result", result.result(), "thread", Thread.currentThread().getName()));
	}

}
