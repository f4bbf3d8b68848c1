@NullMarked
package se.kedja.identity.tokens;

import org.jspecify.annotations.NullMarked;
