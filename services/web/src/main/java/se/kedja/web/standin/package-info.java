/**
 * Who is using the web app until OIDC login arrives: a chooser page and cookies. Delete
 * this package when security is wired.
 */
@NullMarked
package se.kedja.web.standin;

import org.jspecify.annotations.NullMarked;
