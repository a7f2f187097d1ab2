package com.insprl.sample;

import java.util.List;

import com.insprl.email.EmailMessage;
import com.insprl.email.EmailSendResult;
import com.insprl.email.EmailVerification;
import com.insprl.email.InsprlEmailService;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sends a mail and verifies an address with insprl's email operations, on the same
 * account as the WhatsApp ones; errors become problem details in
 * {@link InsprlProblemHandler}.
 */
@RestController
class EmailController {

	private final InsprlEmailService emails;

	EmailController(InsprlEmailService emails) {
		this.emails = emails;
	}

	@PostMapping("/emails")
	EmailSendResult send(@RequestBody Mail mail) {
		return this.emails.send(EmailMessage.of(EmailMessage.Type.TXN, mail.subject(), mail.body()), mail.to());
	}

	@GetMapping("/email-verifications/{address}")
	EmailVerification verify(@PathVariable String address) {
		return this.emails.verify(address);
	}

	/**
	 * A transactional mail to send.
	 *
	 * @param to the recipients
	 * @param subject the subject
	 * @param body the body
	 */
	record Mail(List<String> to, String subject, String body) {
	}

}
