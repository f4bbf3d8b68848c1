@NullMarked
package se.kedja.cases.publishing;

import org.jspecify.annotations.NullMarked;
