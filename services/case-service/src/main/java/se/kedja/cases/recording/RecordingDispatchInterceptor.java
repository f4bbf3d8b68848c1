package se.kedja.cases.recording;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;

import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import se.kedja.cases.publishing.RecordingMetadata;

/**
 * Stamps every command, once, with when, by whom and in which correlation it was given;
 * the correlation data provider copies these onto each event the command causes.
 */
@Component
class RecordingDispatchInterceptor implements MessageDispatchInterceptor<CommandMessage<?>> {

	static final String CORRELATION_HEADER = "X-Correlation-Id";

	private final Clock clock;

	private final CurrentUser user;

	RecordingDispatchInterceptor(Clock clock, CurrentUser user) {
		this.clock = clock;
		this.user = user;
	}

	@Override
	public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(
			List<? extends CommandMessage<?>> messages) {
		return (index, command) -> {
			Map<String, Object> stamp = new HashMap<>();
			stamp.put(RecordingMetadata.COMMAND_ID, command.getIdentifier());
			stamp.putIfAbsent(RecordingMetadata.RECORDED_AT, this.clock.instant().toString());
			stamp.put(RecordingMetadata.RECORDED_BY, this.user.key());
			stamp.put(RecordingMetadata.CORRELATION_ID, correlationId());
			stamp.putAll(command.getMetaData());
			return command.andMetaData(stamp);
		};
	}

	private static String correlationId() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			String header = attributes.getRequest().getHeader(CORRELATION_HEADER);
			if (header != null) {
				try {
					return UUID.fromString(header.strip()).toString();
				}
				catch (IllegalArgumentException ex) {
					// not a UUID: a fresh one keeps the envelope well-formed
				}
			}
		}
		return UUID.randomUUID().toString();
	}

}
