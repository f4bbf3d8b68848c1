package se.kedja.support.logging;

import ch.qos.logback.classic.LoggerContext;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.context.ApplicationListener;

/** Installs the masking filter once Boot has configured logging. */
public class LogMaskingInstaller implements ApplicationListener<ApplicationPreparedEvent> {

	@Override
	public void onApplicationEvent(ApplicationPreparedEvent event) {
		install();
	}

	public static void install() {
		if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context
				&& context.getTurboFilterList().stream().noneMatch(MaskingTurboFilter.class::isInstance)) {
			MaskingTurboFilter filter = new MaskingTurboFilter();
			filter.setName("kedja-masking");
			filter.start();
			context.addTurboFilter(filter);
		}
	}

}
