package se.kedja.audit.accesslog;

import java.util.Locale;

/** What was read. */
public enum Access {

	HISTORY, STATE, VERIFICATION, PROJECT_VERIFICATION, EXPORT, ACCESS_LOG;

	String code() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

}
