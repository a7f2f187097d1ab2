package com.insprl.sample;

import com.insprl.whatsapp.InsprlWhatsAppService;
import com.insprl.whatsapp.LogoutResult;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Logs WhatsApp instances out; errors become problem details in
 * {@link InsprlProblemHandler}.
 */
@RestController
class LogoutController {

	private final InsprlWhatsAppService whatsApp;

	LogoutController(InsprlWhatsAppService whatsApp) {
		this.whatsApp = whatsApp;
	}

	@PostMapping("/logout")
	LogoutResult logoutDefaultInstance() {
		return this.whatsApp.logout();
	}

	@PostMapping("/instances/{instanceId}/logout")
	LogoutResult logout(@PathVariable String instanceId) {
		return this.whatsApp.logout(instanceId);
	}

}
