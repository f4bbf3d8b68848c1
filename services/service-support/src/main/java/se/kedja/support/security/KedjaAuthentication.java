package se.kedja.support.security;

import java.util.Collection;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;

/**
 * An authenticated request: the principal only. The token itself is not kept, so it
 * cannot end up in a log or a response by accident.
 */
public final class KedjaAuthentication extends AbstractAuthenticationToken {

	private final KedjaPrincipal principal;

	KedjaAuthentication(KedjaPrincipal principal, Collection<? extends GrantedAuthority> authorities) {
		super(authorities);
		this.principal = principal;
		setAuthenticated(true);
	}

	@Override
	public Object getCredentials() {
		return "";
	}

	@Override
	public KedjaPrincipal getPrincipal() {
		return this.principal;
	}

	@Override
	public String getName() {
		return this.principal.userId();
	}

}
