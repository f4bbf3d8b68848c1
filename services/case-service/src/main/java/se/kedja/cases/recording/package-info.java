@NullMarked
package se.kedja.cases.recording;

import org.jspecify.annotations.NullMarked;
