@NullMarked
package se.kedja.audit;

import org.jspecify.annotations.NullMarked;
