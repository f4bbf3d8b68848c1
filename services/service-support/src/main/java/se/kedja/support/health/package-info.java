@NullMarked
package se.kedja.support.health;

import org.jspecify.annotations.NullMarked;
