package se.kedja.cases;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The write side of Kedja: coaches' commands become events in the case store, which are
 * published to Kafka.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CaseServiceApplication {

	public static void main(String[] args) {
		SpringApplication.run(CaseServiceApplication.class, args);
	}

}
