package se.kedja.cases.recording;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import se.kedja.cases.publishing.RecordingMetadata;

@Configuration(proxyBeanMethods = false)
class RecordingConfig {

	@Bean
	CorrelationDataProvider recordingCorrelationData() {
		return new SimpleCorrelationDataProvider(RecordingMetadata.RECORDED_AT, RecordingMetadata.RECORDED_BY,
				RecordingMetadata.COMMAND_ID, RecordingMetadata.CORRELATION_ID, RecordingMetadata.IMPORT_ID,
				RecordingMetadata.EXPECTED_VERSION);
	}

	@Bean
	InitializingBean registerRecordingInterceptor(CommandBus commandBus, RecordingDispatchInterceptor interceptor) {
		return () -> commandBus.registerDispatchInterceptor(interceptor);
	}

}
