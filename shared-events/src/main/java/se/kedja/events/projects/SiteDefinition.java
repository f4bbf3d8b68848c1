package se.kedja.events.projects;

import java.util.List;

import se.kedja.events.MunicipalityCode;
import se.kedja.events.SiteId;

/** A local site or provider (anordnare), and the municipalities it serves. */
public record SiteDefinition(SiteId id, String name, List<MunicipalityCode> municipalities) {

	public SiteDefinition {
		municipalities = List.copyOf(municipalities);
	}

}
