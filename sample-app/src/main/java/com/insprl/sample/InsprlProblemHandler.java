package com.insprl.sample;

import java.net.URI;

import com.insprl.client.InsprlAccountRestrictedException;
import com.insprl.client.InsprlApiException;
import com.insprl.client.InsprlAuthenticationException;
import com.insprl.client.InsprlConnectionException;
import com.insprl.client.InsprlException;
import com.insprl.client.InsprlInsufficientBalanceException;
import com.insprl.client.InsprlRateLimitException;
import com.insprl.client.InsprlValidationException;
import com.insprl.email.InsprlEmailService;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Turns each insprl exception into an RFC 9457 problem detail with a fitting HTTP status,
 * so a caller sees what went wrong and whether to try again.
 */
@RestControllerAdvice
class InsprlProblemHandler {

	@ExceptionHandler(InsprlException.class)
	ResponseEntity<ProblemDetail> insprlFailure(InsprlException ex) {
		HttpStatus status = status(ex);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, ex.getMessage());
		problem.setType(URI.create("urn:insprl:" + kind(ex)));
		problem.setTitle(title(ex));
		problem.setProperty("operation", ex.getOperation());
		problem.setProperty("retryable", ex.isRetryable());
		problem.setProperty("attempts", ex.getAttempts());
		if (ex instanceof InsprlApiException api) {
			problem.setProperty("insprlCode", api.getCode().isPresent() ? api.getCode().getAsInt() : null);
			problem.setProperty("insprlHttpStatus", api.getHttpStatus());
			problem.setProperty("insprlMessages", api.getApiMessages());
		}
		if (ex instanceof InsprlValidationException validation && !validation.getFieldErrors().isEmpty()) {
			problem.setProperty("fieldErrors", validation.getFieldErrors());
		}
		if (ex instanceof InsprlConnectionException connection) {
			problem.setProperty("reason", connection.getReason());
		}
		if (InsprlEmailService.SEND_TO_BATCH.name().equals(ex.getOperation())) {
			// a mail that may have been sent must not be sent again blindly
			problem.setProperty("possiblyProcessed", ex.isPossiblyProcessed());
			if (ex instanceof InsprlApiException api && api.getQueueId().isPresent()) {
				problem.setProperty("queueId", api.getQueueId().get());
			}
		}
		ResponseEntity.BodyBuilder response = ResponseEntity.status(status);
		if (ex instanceof InsprlRateLimitException rateLimit && rateLimit.getRetryAfter().isPresent()) {
			response.header(HttpHeaders.RETRY_AFTER, String.valueOf(rateLimit.getRetryAfter().get().toSeconds()));
		}
		return response.body(problem);
	}

	@ExceptionHandler(IllegalArgumentException.class)
	ProblemDetail invalidArgument(IllegalArgumentException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
		problem.setTitle("Invalid request");
		return problem;
	}

	@ExceptionHandler(IllegalStateException.class)
	ProblemDetail notConfigured(IllegalStateException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
		problem.setTitle("Not configured");
		return problem;
	}

	private static HttpStatus status(InsprlException ex) {
		if (ex instanceof InsprlAuthenticationException) {
			return HttpStatus.UNAUTHORIZED;
		}
		if (ex instanceof InsprlValidationException) {
			return HttpStatus.UNPROCESSABLE_CONTENT;
		}
		if (ex instanceof InsprlRateLimitException) {
			return HttpStatus.TOO_MANY_REQUESTS;
		}
		if (ex instanceof InsprlAccountRestrictedException) {
			return HttpStatus.FORBIDDEN;
		}
		if (ex instanceof InsprlInsufficientBalanceException) {
			return HttpStatus.PAYMENT_REQUIRED;
		}
		if (ex instanceof InsprlConnectionException connection
				&& connection.getReason() == InsprlConnectionException.Reason.TIMEOUT) {
			return HttpStatus.GATEWAY_TIMEOUT;
		}
		return HttpStatus.BAD_GATEWAY;
	}

	private static String kind(InsprlException ex) {
		if (ex instanceof InsprlAuthenticationException) {
			return "authentication";
		}
		if (ex instanceof InsprlValidationException) {
			return "validation";
		}
		if (ex instanceof InsprlRateLimitException) {
			return "rate-limited";
		}
		if (ex instanceof InsprlAccountRestrictedException) {
			return "account-restricted";
		}
		if (ex instanceof InsprlInsufficientBalanceException) {
			return "insufficient-balance";
		}
		if (ex instanceof InsprlApiException) {
			return "api-error";
		}
		return "connection";
	}

	private static String title(InsprlException ex) {
		return switch (kind(ex)) {
			case "authentication" -> "insprl rejected the credentials";
			case "validation" -> "insprl rejected the parameters";
			case "rate-limited" -> "insprl usage limit reached";
			case "account-restricted" -> "the insprl account is restricted";
			case "insufficient-balance" -> "the insprl wallet balance is insufficient";
			case "api-error" -> "insprl refused the request";
			default -> "No usable answer from insprl";
		};
	}

}
