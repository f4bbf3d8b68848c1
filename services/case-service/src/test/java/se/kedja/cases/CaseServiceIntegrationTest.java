package se.kedja.cases;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.context.ActiveProfiles;

import se.kedja.testsupport.KedjaIntegrationTest;

/**
 * Every case-service integration test wears this, and only this, so they share one Spring
 * context (and one PostgreSQL and Kafka).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@KedjaIntegrationTest
@ActiveProfiles("test")
public @interface CaseServiceIntegrationTest {

}
