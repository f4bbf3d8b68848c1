@NullMarked
package se.kedja.cases.config;

import org.jspecify.annotations.NullMarked;
