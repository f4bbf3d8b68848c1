package se.kedja.cases;

import java.util.List;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import se.kedja.testsupport.LogHygiene;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs after every other test class of this module and greps their logs for the test
 * data's personal identity numbers, names, e-mail addresses and tokens.
 */
@Order(Integer.MAX_VALUE)
class LogHygieneTest {

	@Test
	void the_logs_of_the_test_run_hold_no_personal_identity_number_name_or_token() {
		List<String> literals = List.of("Testa Testsson", "testa@example.org", "Påhittad gata",
				AuthorizationMatrixTest.NAME, AuthorizationMatrixTest.EMAIL);

		assertThat(LogHygiene.findings(LogHygiene.surefireReports(), literals)).isEmpty();
	}

}
