/**
 * The embedded default's own OIDC issuer (Spring Authorization Server). Production uses
 * any OIDC provider instead (Keycloak, Entra ID); nothing else in Kedja depends on this
 * module.
 */
@NullMarked
package se.kedja.identity;

import org.jspecify.annotations.NullMarked;
