package se.kedja.web.standin;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import se.kedja.web.clients.Caller;
import se.kedja.web.clients.Role;

/** PRE-SECURITY STAND-IN: the page where a person says who they are and in which role. */
@Controller
class StandInController {

	@GetMapping("/who")
	String chooser(@RequestParam(required = false) @Nullable String next, HttpServletRequest request, Model model) {
		Caller current = StandInSignIn.read(request).orElse(null);
		model.addAttribute("roles", List.of(Role.values()));
		model.addAttribute("current", current);
		model.addAttribute("next", safe(next));
		model.addAttribute("user", (current != null) ? current.user() : "");
		return "standin/who";
	}

	@PostMapping("/who")
	String choose(@RequestParam(defaultValue = "") String user, @RequestParam(required = false) @Nullable Role role,
			@RequestParam(required = false) @Nullable String next, HttpServletResponse response, Model model) {
		String trimmed = user.strip();
		boolean userOk = StandInSignIn.USER.matcher(trimmed).matches();
		if (!userOk || role == null) {
			model.addAttribute("roles", List.of(Role.values()));
			model.addAttribute("user", trimmed);
			model.addAttribute("role", role);
			model.addAttribute("next", safe(next));
			model.addAttribute("userError", !userOk);
			model.addAttribute("roleError", role == null);
			return "standin/who";
		}
		StandInSignIn.write(response, new Caller(trimmed, role));
		String target = safe(next);
		return "redirect:" + ((target != null) ? target : role.startPage());
	}

	private static @Nullable String safe(@Nullable String next) {
		return (next != null && next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/who")) ? next
				: null;
	}

	@Configuration(proxyBeanMethods = false)
	static class StandInConfig implements WebMvcConfigurer {

		@Bean
		StandInSignIn standInSignIn() {
			return new StandInSignIn();
		}

		@Override
		public void addInterceptors(InterceptorRegistry registry) {
			registry.addInterceptor(standInSignIn())
				.addPathPatterns("/**")
				.excludePathPatterns("/who", "/language", "/css/**", "/js/**", "/webjars/**", "/actuator/**",
						"/favicon.ico", "/error");
		}

	}

}
