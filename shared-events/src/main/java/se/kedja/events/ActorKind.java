package se.kedja.events;

/** The kinds of actor that take part in or responsibility for a case. */
public enum ActorKind {

	/** Arbetsförmedlingen. */
	PUBLIC_EMPLOYMENT_SERVICE,
	/** The municipality's social services (socialtjänsten). */
	SOCIAL_SERVICES,
	/** Försäkringskassan. */
	SOCIAL_INSURANCE_AGENCY,
	/** The region's health care (regionen, landstinget). */
	REGION_HEALTH_CARE,
	/** Migrationsverket. */
	MIGRATION_AGENCY,
	/** Another part of a municipality, e.g. its labour-market unit. */
	MUNICIPALITY,
	/** A provider (anordnare), e.g. a social co-operative. */
	PROVIDER,
	/** The project itself. */
	PROJECT

}
