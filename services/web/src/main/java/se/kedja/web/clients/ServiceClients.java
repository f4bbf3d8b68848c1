package se.kedja.web.clients;

import java.net.http.HttpClient;
import java.util.Locale;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * The one place that decides how the web app calls the services: as the signed-in person,
 * with their own access token (never one of the web app's), in their language.
 */
@Configuration(proxyBeanMethods = false)
class ServiceClients {

	@Bean
	KedjaApis kedjaApis(RestClient.Builder builder, ServicesProperties services, JsonMapper json) {
		HttpClient http = HttpClient.newBuilder().connectTimeout(services.timeout()).build();
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http);
		requests.setReadTimeout(services.timeout());
		RestClient.Builder common = builder.clone()
			.requestFactory(requests)
			.requestInterceptor(callerIdentity())
			.requestInterceptor(language())
			.defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
				throw ServiceProblem.read(request.getURI(), response, json);
			});
		RestClient.Builder streaming = builder.clone()
			.requestFactory(new JdkClientHttpRequestFactory(http))
			.requestInterceptor(callerIdentity());
		return new KedjaApis(common.clone().baseUrl(services.caseService().toString()).build(),
				common.clone().baseUrl(services.progressService().toString()).build(),
				common.clone().baseUrl(services.auditService().toString()).build(),
				streaming.baseUrl(services.progressService().toString()).build());
	}

	private static ClientHttpRequestInterceptor callerIdentity() {
		return (request, body, execution) -> {
			Caller.current().ifPresent((caller) -> request.getHeaders().setBearerAuth(caller.accessToken()));
			return execution.execute(request, body);
		};
	}

	private static ClientHttpRequestInterceptor language() {
		return (request, body, execution) -> {
			Locale locale = LocaleContextHolder.getLocale();
			request.getHeaders().set(HttpHeaders.ACCEPT_LANGUAGE, locale.toLanguageTag());
			return execution.execute(request, body);
		};
	}

}
