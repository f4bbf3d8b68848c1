/**
 * Who may do what: project assignments (data, changed by administrators through the API,
 * every change on record) and the scope checks every request of the API passes.
 */
@NullMarked
package se.kedja.cases.access;

import org.jspecify.annotations.NullMarked;
