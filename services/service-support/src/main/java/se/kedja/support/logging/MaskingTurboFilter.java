package se.kedja.support.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.Marker;
import org.slf4j.helpers.MessageFormatter;

/**
 * Drops a log event whose formatted message holds a personal identity number or a token
 * and logs the masked message in its place. Exceptions whose message holds one are logged
 * by class name only.
 */
class MaskingTurboFilter extends TurboFilter {

	private static final String FQCN = MaskingTurboFilter.class.getName();

	private static final ThreadLocal<Boolean> RELOGGING = ThreadLocal.withInitial(() -> false);

	@Override
	public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
		// cheapest first: every isDebugEnabled() comes here with no format
		if (format == null || !logger.isEnabledFor(level) || RELOGGING.get()) {
			return FilterReply.NEUTRAL;
		}
		String message = MessageFormatter.basicArrayFormat(format, params);
		boolean sensitiveThrowable = t != null && throwableSensitive(t);
		if (!SensitiveText.contains(message) && !sensitiveThrowable) {
			return FilterReply.NEUTRAL;
		}
		RELOGGING.set(true);
		try {
			Throwable safe = sensitiveThrowable ? new MaskedException(t) : t;
			logger.log(marker, FQCN, Level.toLocationAwareLoggerInteger(level), SensitiveText.mask(message), null,
					safe);
		}
		finally {
			RELOGGING.set(false);
		}
		return FilterReply.DENY;
	}

	private static boolean throwableSensitive(Throwable t) {
		for (Throwable current = t; current != null; current = (current.getCause() != current) ? current.getCause()
				: null) {
			String text = current.getMessage();
			if (text != null && SensitiveText.contains(text)) {
				return true;
			}
		}
		return false;
	}

	static final class MaskedException extends RuntimeException {

		MaskedException(Throwable original) {
			super(original.getClass().getName() + ": " + SensitiveText.mask(String.valueOf(original.getMessage())),
					null, false, true);
			setStackTrace(original.getStackTrace());
		}

	}

}
