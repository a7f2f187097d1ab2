package com.insprl.sample;

import com.insprl.whatsapp.InsprlWhatsAppService;
import com.insprl.whatsapp.campaign.CampaignTracking;
import com.insprl.whatsapp.campaign.CampaignTrackingRequest;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Shows a campaign's tracking; errors become problem details in
 * {@link InsprlProblemHandler}.
 */
@RestController
class CampaignController {

	private final InsprlWhatsAppService whatsApp;

	CampaignController(InsprlWhatsAppService whatsApp) {
		this.whatsApp = whatsApp;
	}

	@GetMapping("/accounts/{accountId}/campaigns/{campaignUid}/tracking")
	CampaignTracking tracking(@PathVariable String accountId, @PathVariable String campaignUid,
			@RequestParam(required = false) Integer perPage,
			@RequestParam(required = false) CampaignTracking.ContactStatus status,
			@RequestParam(required = false) String phone) {
		CampaignTrackingRequest.Builder request = CampaignTrackingRequest.builder(accountId, campaignUid);
		if (perPage != null) {
			request.perPage(perPage);
		}
		if (status != null) {
			request.status(status);
		}
		if (phone != null) {
			request.phone(phone);
		}
		return this.whatsApp.campaignTracking(request.build());
	}

}
