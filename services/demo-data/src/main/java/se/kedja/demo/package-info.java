/**
 * Demo data: fictional participants and case histories for the five seed projects, sent
 * through case-service's API or written for a bulk import.
 */
@NullMarked
package se.kedja.demo;

import org.jspecify.annotations.NullMarked;
