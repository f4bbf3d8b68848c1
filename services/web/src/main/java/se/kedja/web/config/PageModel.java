package se.kedja.web.config;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.client.ResourceAccessException;

import se.kedja.web.clients.Caller;
import se.kedja.web.clients.ServiceProblem;

/**
 * What every page needs (who is signed in, where to come back to after a language
 * change), and the pages shown when a service refuses or does not answer.
 */
@ControllerAdvice
class PageModel {

	@ModelAttribute("caller")
	@Nullable Caller caller() {
		return Caller.current().orElse(null);
	}

	@ModelAttribute("here")
	String here(HttpServletRequest request) {
		return request.getRequestURI() + ((request.getQueryString() != null) ? "?" + request.getQueryString() : "");
	}

	@ExceptionHandler(ResourceAccessException.class)
	@ResponseStatus(HttpStatus.SERVICE_UNAVAILABLE)
	String unavailable(ResourceAccessException ex, Model model, HttpServletRequest request) {
		model.addAttribute("caller", caller());
		model.addAttribute("here", here(request));
		model.addAttribute("problemTitleKey", "error.unavailable");
		model.addAttribute("problemDetail", null);
		return "error/problem";
	}

	@ExceptionHandler(ServiceProblem.class)
	String problem(ServiceProblem ex, Model model, HttpServletRequest request,
			jakarta.servlet.http.HttpServletResponse response) {
		response.setStatus((ex.status() == 404) ? 404 : 502);
		model.addAttribute("caller", caller());
		model.addAttribute("here", here(request));
		model.addAttribute("problemTitle", ex.title());
		model.addAttribute("problemDetail", ex.detail());
		return "error/problem";
	}

}
