package se.kedja.web.config;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

import se.kedja.web.clients.Caller;

/** The start page is the signed-in person's first role's own page. */
@Controller
class StartPage {

	@GetMapping("/")
	String start() {
		return "redirect:" + Caller.current().map(Caller::startPage).orElse("/no-role");
	}

	@GetMapping("/no-role")
	String noRole() {
		return "error/no-role";
	}

}
