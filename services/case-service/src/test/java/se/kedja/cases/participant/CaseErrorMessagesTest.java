package se.kedja.cases.participant;

import java.util.Arrays;
import java.util.Locale;
import java.util.ResourceBundle;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class CaseErrorMessagesTest {

	@ParameterizedTest
	@ValueSource(strings = { "sv", "en" })
	void every_refusal_has_words_in_swedish_and_english(String language) {
		ResourceBundle messages = ResourceBundle.getBundle("case-errors", Locale.of(language),
				ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
		assertThat(messages.keySet())
			.containsExactlyInAnyOrder(Arrays.stream(CaseError.values()).map(Enum::name).toArray(String[]::new));
		assertThat(messages.keySet()).allSatisfy((key) -> assertThat(messages.getString(key)).isNotBlank());
	}

}
