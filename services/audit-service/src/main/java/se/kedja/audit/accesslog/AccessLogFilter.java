package se.kedja.audit.accesslog;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

record AccessLogFilter(@Nullable UUID participant, @Nullable String user, @Nullable Instant from,
		@Nullable Instant to) {

	String describe() {
		return "participant=" + participant + " user=" + user + " from=" + from + " to=" + to;
	}

}
