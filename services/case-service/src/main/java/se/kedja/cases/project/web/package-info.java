@NullMarked
package se.kedja.cases.project.web;

import org.jspecify.annotations.NullMarked;
