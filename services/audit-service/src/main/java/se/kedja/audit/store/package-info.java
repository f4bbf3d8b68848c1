@NullMarked
package se.kedja.audit.store;

import org.jspecify.annotations.NullMarked;
