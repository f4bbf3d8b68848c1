@NullMarked
package se.kedja.support;

import org.jspecify.annotations.NullMarked;
