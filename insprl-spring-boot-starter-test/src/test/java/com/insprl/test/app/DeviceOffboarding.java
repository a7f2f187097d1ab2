package com.insprl.test.app;

import com.insprl.client.InsprlAuthenticationException;
import com.insprl.whatsapp.InsprlWhatsAppService;

import org.springframework.stereotype.Service;

/**
 * A user's own service that calls insprl: unlinks a device, and says whether the
 * credentials were the trouble.
 */
@Service
public class DeviceOffboarding {

	private final InsprlWhatsAppService whatsApp;

	public DeviceOffboarding(InsprlWhatsAppService whatsApp) {
		this.whatsApp = whatsApp;
	}

	public String unlink(String instanceId) {
		try {
			return this.whatsApp.logout(instanceId).result();
		}
		catch (InsprlAuthenticationException ex) {
			return "check the insprl credentials";
		}
	}

}
