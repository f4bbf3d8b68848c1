package se.kedja.web.i18n;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/** Swedish by default, English on request; the choice is remembered in a cookie. */
@Controller
class Languages {

	static final Locale SWEDISH = Locale.forLanguageTag("sv");

	static final List<Locale> SUPPORTED = List.of(SWEDISH, Locale.ENGLISH);

	private final LocaleResolver locales;

	Languages(LocaleResolver locales) {
		this.locales = locales;
	}

	@PostMapping("/language")
	String choose(@RequestParam String lang, @RequestParam(defaultValue = "/") String back, HttpServletRequest request,
			HttpServletResponse response) {
		Locale chosen = SUPPORTED.stream()
			.filter((locale) -> locale.getLanguage().equals(lang))
			.findFirst()
			.orElse(SWEDISH);
		this.locales.setLocale(request, response, chosen);
		boolean local = back.startsWith("/") && !back.startsWith("//");
		return "redirect:" + (local ? back : "/");
	}

	@Configuration(proxyBeanMethods = false)
	static class LanguageConfig {

		@Bean
		LocaleResolver localeResolver() {
			CookieLocaleResolver resolver = new CookieLocaleResolver("kedja-language");
			resolver.setDefaultLocale(SWEDISH);
			resolver.setCookieMaxAge(Duration.ofDays(365));
			resolver.setCookieSameSite("Lax");
			return resolver;
		}

	}

}
