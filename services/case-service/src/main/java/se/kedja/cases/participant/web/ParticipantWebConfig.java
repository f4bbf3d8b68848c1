package se.kedja.cases.participant.web;

import java.util.List;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class ParticipantWebConfig implements WebMvcConfigurer {

	private final CaseWrites writes;

	private final IdempotentRequests idempotent;

	ParticipantWebConfig(@Lazy CaseWrites writes, @Lazy IdempotentRequests idempotent) {
		this.writes = writes;
		this.idempotent = idempotent;
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new WriteArgumentResolver(this.writes, this.idempotent));
	}

}
