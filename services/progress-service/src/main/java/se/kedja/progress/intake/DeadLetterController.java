package se.kedja.progress.intake;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import se.kedja.progress.intake.DeadLetters.DeadLetter;

@RestController
class DeadLetterController {

	private final DeadLetters deadLetters;

	DeadLetterController(DeadLetters deadLetters) {
		this.deadLetters = deadLetters;
	}

	@GetMapping("/api/admin/dead-letters")
	List<DeadLetter> deadLetters(@RequestParam(defaultValue = "100") int limit) {
		return this.deadLetters.latest(Math.clamp(limit, 1, 1000));
	}

}
