@NullMarked
package se.kedja.demo.generate;

import org.jspecify.annotations.NullMarked;
