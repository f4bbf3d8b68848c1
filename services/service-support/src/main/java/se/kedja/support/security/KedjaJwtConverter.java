package se.kedja.support.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Reads the caller from a validated JWT: the user from {@code userClaim} (default
 * {@code sub}), roles from {@code rolesClaim} (default {@code roles}, else Keycloak's
 * {@code realm_access.roles}), assignments from {@code projectsClaim} (default
 * {@code projects}; each entry {@code project} or {@code project/site}).
 */
public class KedjaJwtConverter implements Converter<Jwt, AbstractAuthenticationToken> {

	private final String userClaim;

	private final String rolesClaim;

	private final String projectsClaim;

	public KedjaJwtConverter(String userClaim, String rolesClaim, String projectsClaim) {
		this.userClaim = userClaim;
		this.rolesClaim = rolesClaim;
		this.projectsClaim = projectsClaim;
	}

	@Override
	public AbstractAuthenticationToken convert(Jwt jwt) {
		KedjaPrincipal principal = principal(jwt);
		List<SimpleGrantedAuthority> authorities = principal.roles()
			.stream()
			.map((role) -> new SimpleGrantedAuthority(role.authority()))
			.toList();
		return new KedjaAuthentication(principal, authorities);
	}

	KedjaPrincipal principal(Jwt jwt) {
		String user = jwt.getClaimAsString(this.userClaim);
		if (user == null || user.isBlank()) {
			user = jwt.getSubject();
		}
		Set<Role> roles = EnumSet.noneOf(Role.class);
		for (String value : strings(roleValues(jwt))) {
			Role.fromClaim(value).ifPresent(roles::add);
		}
		Map<String, Set<String>> projects = new HashMap<>();
		for (String entry : strings(jwt.getClaim(this.projectsClaim))) {
			int slash = entry.indexOf('/');
			String project = (slash < 0) ? entry : entry.substring(0, slash);
			Set<String> sites = projects.computeIfAbsent(project, (key) -> new HashSet<>());
			if (slash >= 0) {
				sites.add(entry.substring(slash + 1));
			}
			else {
				sites.add("");
			}
		}
		Map<String, Set<String>> scoped = new HashMap<>();
		projects.forEach((project, sites) -> scoped.put(project, sites.contains("") ? Set.of() : sites));
		return new KedjaPrincipal((user != null) ? user : "", roles, scoped);
	}

	private @Nullable Object roleValues(Jwt jwt) {
		Object roles = jwt.getClaim(this.rolesClaim);
		if (roles == null && jwt.getClaim("realm_access") instanceof Map<?, ?> realm) {
			return realm.get("roles");
		}
		return roles;
	}

	private static List<String> strings(@Nullable Object claim) {
		if (claim instanceof Collection<?> values) {
			return values.stream().map(String::valueOf).map(String::strip).filter((s) -> !s.isEmpty()).toList();
		}
		if (claim instanceof String text) {
			return List.of(text.split("[\\s,]+")).stream().filter((s) -> !s.isEmpty()).toList();
		}
		return List.of();
	}

}
