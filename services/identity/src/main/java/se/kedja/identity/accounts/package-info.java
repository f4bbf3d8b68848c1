@NullMarked
package se.kedja.identity.accounts;

import org.jspecify.annotations.NullMarked;
