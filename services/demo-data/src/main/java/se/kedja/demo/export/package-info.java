@NullMarked
package se.kedja.demo.export;

import org.jspecify.annotations.NullMarked;
