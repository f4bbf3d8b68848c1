package se.kedja.cases.access;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class AccessWebConfig implements WebMvcConfigurer {

	private final ScopeInterceptor scopes;

	AccessWebConfig(ScopeInterceptor scopes) {
		this.scopes = scopes;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this.scopes).addPathPatterns("/api/**");
	}

}
