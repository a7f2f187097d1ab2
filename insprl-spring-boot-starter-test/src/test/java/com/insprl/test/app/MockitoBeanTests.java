package com.insprl.test.app;

import com.insprl.test.StartsSpringApplication;
import com.insprl.whatsapp.InsprlWhatsAppService;
import com.insprl.whatsapp.LogoutResult;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;

/**
 * {@code @MockitoBean} replaces the auto-configured service, which then sends nothing.
 */
@SpringBootTest
@StartsSpringApplication
class MockitoBeanTests {

	@MockitoBean
	InsprlWhatsAppService whatsApp;

	@Autowired
	DeviceOffboarding offboarding;

	@Test
	void theMockIsWhatTheUsersServiceCalls() {
		given(this.whatsApp.logout("team-phone-7")).willReturn(new LogoutResult(100, "success", "mocked"));
		assertThat(this.offboarding.unlink("team-phone-7")).isEqualTo("mocked");
		then(this.whatsApp).should().logout("team-phone-7");
	}

}
