@NullMarked
package se.kedja.audit.verification;

import org.jspecify.annotations.NullMarked;
