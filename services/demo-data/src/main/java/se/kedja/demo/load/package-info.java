@NullMarked
package se.kedja.demo.load;

import org.jspecify.annotations.NullMarked;
