package se.kedja.web.browser;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Browser tests need Debian's chromium and chromium-driver (CI installs them in
 * {@code .ci/run}) and the services' jars; without them the tests are skipped, saying
 * why.
 */
class RequiresBrowserAndServices implements ExecutionCondition {

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		if (!Browser.installed()) {
			return ConditionEvaluationResult.disabled("Browser tests skipped: " + Browser.CHROMIUM + " and "
					+ Browser.DRIVER + " are not installed (apt-get install -y chromium chromium-driver)");
		}
		if (!KedjaBackend.built()) {
			return ConditionEvaluationResult.disabled(
					"Browser tests skipped: build the services first (services/*/target/<service>.jar are missing)");
		}
		return ConditionEvaluationResult.enabled("chromium and the service jars are present");
	}

}
