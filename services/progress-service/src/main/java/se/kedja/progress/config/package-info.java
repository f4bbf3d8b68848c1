@NullMarked
package se.kedja.progress.config;

import org.jspecify.annotations.NullMarked;
