package com.example.host;

import com.insprl.whatsapp.InsprlWhatsAppService;

import org.springframework.stereotype.Service;

/**
 * The application's use of insprl: unlink a departing employee's WhatsApp number.
 */
@Service
public class Offboarding {

	private final InsprlWhatsAppService whatsApp;

	public Offboarding(InsprlWhatsAppService whatsApp) {
		this.whatsApp = whatsApp;
	}

	public String unlink(String instanceId) {
		return this.whatsApp.logout(instanceId).result();
	}

}
