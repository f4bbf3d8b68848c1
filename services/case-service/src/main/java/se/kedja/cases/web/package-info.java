@NullMarked
package se.kedja.cases.web;

import org.jspecify.annotations.NullMarked;
