package com.insprl.sample;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.insprl.whatsapp.BulkLogoutResult;
import com.insprl.whatsapp.InsprlWhatsAppService;
import com.insprl.whatsapp.LogoutResult;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Works on the WhatsApp numbers of the application's customers, each through its own
 * insprl account ({@code withCredentials}): one number, or all of a customer's at once.
 */
@RestController
class CustomerController {

	private final InsprlWhatsAppService whatsApp;

	private final CustomerAccounts accounts;

	CustomerController(InsprlWhatsAppService whatsApp, CustomerAccounts accounts) {
		this.whatsApp = whatsApp;
		this.accounts = accounts;
	}

	@PostMapping("/customers/{customer}/instances/{instanceId}/logout")
	LogoutResult logout(@PathVariable String customer, @PathVariable String instanceId) {
		return forCustomer(customer).logout(instanceId);
	}

	@PostMapping("/customers/{customer}/logout-all")
	BulkLogoutView logoutAll(@PathVariable String customer, @RequestBody List<String> instanceIds) {
		return BulkLogoutView.of(forCustomer(customer).logoutAll(instanceIds));
	}

	private InsprlWhatsAppService forCustomer(String customer) {
		CustomerAccounts.Account account = this.accounts.getCustomers().get(customer);
		if (account == null) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No customer '" + customer + "'");
		}
		// an account without an id or key is refused, naming the one that is not set
		return this.whatsApp.withCredentials(Objects.requireNonNullElse(account.getClientId(), ""),
				Objects.requireNonNullElse(account.getClientKey(), ""));
	}

	/**
	 * A bulk logout as the sample shows it.
	 *
	 * @param succeeded the answers, by instance id
	 * @param failed each failure's message, by instance id
	 */
	record BulkLogoutView(Map<String, LogoutResult> succeeded, Map<String, String> failed) {

		static BulkLogoutView of(BulkLogoutResult result) {
			Map<String, String> failures = new LinkedHashMap<>();
			result.failed().forEach((id, failure) -> failures.put(id, failure.getMessage()));
			return new BulkLogoutView(result.succeeded(), failures);
		}

	}

}
