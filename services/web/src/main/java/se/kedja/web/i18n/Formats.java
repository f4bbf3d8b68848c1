package se.kedja.web.i18n;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Dates, times and numbers in the user's language; templates call it as {@code @fmt}. */
@Component("fmt")
public class Formats {

	private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");

	public String date(@Nullable Object date) {
		LocalDate value = toDate(date);
		return (value != null)
				? DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale()).format(value) : "–";
	}

	public String dateTime(@Nullable Object instant) {
		if (instant == null) {
			return "–";
		}
		Instant value = (instant instanceof Instant i) ? i : Instant.parse(instant.toString());
		return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
			.withLocale(locale())
			.format(value.atZone(SWEDEN));
	}

	public String number(@Nullable Number number) {
		if (number == null) {
			return "–";
		}
		NumberFormat format = NumberFormat.getNumberInstance(locale());
		format.setMaximumFractionDigits(1);
		return format.format(number);
	}

	public String percent(@Nullable Number share) {
		if (share == null) {
			return "–";
		}
		NumberFormat format = NumberFormat.getPercentInstance(locale());
		format.setMaximumFractionDigits(1);
		return format.format(share.doubleValue());
	}

	private static @Nullable LocalDate toDate(@Nullable Object date) {
		if (date == null || date.toString().isBlank()) {
			return null;
		}
		return (date instanceof LocalDate d) ? d : LocalDate.parse(date.toString().substring(0, 10));
	}

	private static Locale locale() {
		return LocaleContextHolder.getLocale();
	}

}
