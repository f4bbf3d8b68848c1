@NullMarked
package se.kedja.cases.personaldata;

import org.jspecify.annotations.NullMarked;
