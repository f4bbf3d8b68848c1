package se.kedja.progress.reports;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import se.kedja.progress.reports.ResendPolicy.SentMonth;
import se.kedja.progress.reports.RowDifference.FieldChange;

import static org.assertj.core.api.Assertions.assertThat;

class ResendPolicyTest {

	private static final YearMonth JAN = YearMonth.of(2010, 1);

	@Test
	void nothing_changed_means_nothing_to_resend_and_the_next_month_is_due() {
		List<SentMonth> sent = List.of(sent(0, 1, false), sent(1, 2, false), sent(2, 3, false));
		assertThat(ResendPolicy.monthsToResend(sent)).isEmpty();
		assertThat(ResendPolicy.nextMonth(sent)).contains(JAN.plusMonths(3));
	}

	@Test
	void a_change_to_an_old_month_means_it_and_every_later_month_must_be_resent() {
		List<SentMonth> sent = List.of(sent(0, 1, false), sent(1, 2, true), sent(2, 3, false), sent(3, 4, false));
		assertThat(ResendPolicy.monthsToResend(sent)).containsExactly(JAN.plusMonths(1), JAN.plusMonths(2),
				JAN.plusMonths(3));
		assertThat(ResendPolicy.nextMonth(sent)).contains(JAN.plusMonths(1));
	}

	@Test
	void once_the_changed_month_is_resent_the_later_ones_still_follow() {
		List<SentMonth> sent = List.of(sent(0, 1, false), sent(1, 9, false), sent(2, 3, false), sent(3, 4, false));
		assertThat(ResendPolicy.monthsToResend(sent)).containsExactly(JAN.plusMonths(2), JAN.plusMonths(3));
	}

	@Test
	void before_any_report_any_month_may_start() {
		assertThat(ResendPolicy.nextMonth(List.of())).isEmpty();
	}

	@Test
	void differences_name_each_changed_field_and_whole_rows_added_or_removed() {
		List<String> columns = List.of("deltagare", "startdatum", "slutdatum", "kon");
		Map<String, List<String>> sent = Map.of("a", List.of("a", "2010-03-01", "", "K"), "b",
				List.of("b", "", "2010-03-31", "M"));
		Map<String, List<String>> now = Map.of("a", List.of("a", "2010-03-01", "", "M"), "c",
				List.of("c", "2010-03-02", "", "K"));
		assertThat(RowDifference.between(columns, sent, now)).containsExactly(
				new RowDifference("a", "changed", List.of(new FieldChange("kon", "K", "M"))),
				new RowDifference("b", "removed",
						List.of(new FieldChange("slutdatum", "2010-03-31", null), new FieldChange("kon", "M", null))),
				new RowDifference("c", "added",
						List.of(new FieldChange("startdatum", null, "2010-03-02"), new FieldChange("kon", null, "K"))));
	}

	private static SentMonth sent(int month, int producedDay, boolean changed) {
		return new SentMonth(JAN.plusMonths(month),
				Instant.parse("2010-06-01T00:00:00Z").plusSeconds(86_400L * producedDay), changed);
	}

}
