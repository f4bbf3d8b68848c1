package se.kedja.cases.personaldata;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code kedja.personal-data.key} (env {@code KEDJA_PERSONAL_DATA_KEY}): the secret from
 * which the key-wrapping key and the enrolment fingerprint key are derived.
 */
@ConfigurationProperties("kedja.personal-data")
record PersonalDataProperties(@Nullable String key) {

}
