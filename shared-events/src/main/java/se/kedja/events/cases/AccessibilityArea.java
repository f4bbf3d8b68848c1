package se.kedja.events.cases;

/** The three areas of accessibility (tillgänglighet) the ESF programme asks about. */
public enum AccessibilityArea {

	/** Fysisk tillgänglighet: premises, transport, aids. */
	PHYSICAL,
	/** Kommunikativ tillgänglighet: interpreting, sign language, hearing loops. */
	COMMUNICATIVE,
	/** Informativ tillgänglighet: easy-to-read text, other languages, formats. */
	INFORMATIVE

}
