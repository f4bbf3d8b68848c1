@NullMarked
package se.kedja.support.web;

import org.jspecify.annotations.NullMarked;
