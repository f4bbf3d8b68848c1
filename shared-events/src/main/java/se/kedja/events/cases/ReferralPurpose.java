package se.kedja.events.cases;

/** Why a participant is referred (remitteras) to another actor. */
public enum ReferralPurpose {

	ASSESSMENT, HEALTH_CARE, REHABILITATION, EDUCATION, EMPLOYMENT_SERVICE, FINANCIAL_SUPPORT, OTHER

}
