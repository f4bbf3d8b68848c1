/**
 * Authentication and authorisation every service shares: an OAuth2 resource server that
 * validates JWTs from any OIDC issuer, the
 * {@link se.kedja.support.security.KedjaPrincipal} built from the token's claims, and
 * 401/403 as problem details.
 */
@NullMarked
package se.kedja.support.security;

import org.jspecify.annotations.NullMarked;
