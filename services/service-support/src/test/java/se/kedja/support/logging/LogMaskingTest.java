package se.kedja.support.logging;

import java.util.List;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

class LogMaskingTest {

	private final Logger logger = (Logger) LoggerFactory.getLogger("kedja.masking.test");

	private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

	@BeforeEach
	void capture() {
		LogMaskingInstaller.install();
		this.appender.start();
		this.logger.addAppender(this.appender);
	}

	@AfterEach
	void release() {
		this.logger.detachAppender(this.appender);
	}

	@Test
	void personal_identity_numbers_in_any_form_are_masked() {
		this.logger.warn("enrolment of {} refused, also 198501010014 and 850101-0014", "19850101-0014");

		assertThat(messages()).containsExactly("enrolment of [masked-pnr] refused, also [masked-pnr] and [masked-pnr]");
	}

	@Test
	void bearer_tokens_and_jwts_are_masked() {
		this.logger.info("Authorization: Bearer abc.def.ghi from eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl");

		assertThat(messages()).containsExactly("Authorization: Bearer [masked] from [masked-token]");
	}

	@Test
	void an_exception_message_with_a_personnummer_is_masked_too() {
		this.logger.error("failed", new IllegalStateException("duplicate 19850101-0014"));

		assertThat(this.appender.list.get(0).getThrowableProxy().getMessage()).doesNotContain("19850101-0014")
			.contains("[masked-pnr]");
	}

	@Test
	void ordinary_numbers_ids_and_dates_pass_unchanged() {
		this.logger.info("offset 1234567890123 at 2026-11-23 for 5f2c1a4e-0000-4000-8000-000000000001 port 8081");

		assertThat(messages())
			.containsExactly("offset 1234567890123 at 2026-11-23 for 5f2c1a4e-0000-4000-8000-000000000001 port 8081");
	}

	private List<String> messages() {
		return this.appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
	}

}
