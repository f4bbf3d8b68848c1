package se.kedja.events;

/** Highest completed education by ISCED 2011 band, as the funder reports it. */
public enum IscedBand {

	/** Up to lower secondary (grundskola). */
	ISCED_0_2,
	/**
	 * Upper secondary and post-secondary non-tertiary (gymnasium, eftergymnasial under
	 * två år).
	 */
	ISCED_3_4,
	/** Tertiary (högskola). */
	ISCED_5_8

}
