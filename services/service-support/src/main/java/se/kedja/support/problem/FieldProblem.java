package se.kedja.support.problem;

/**
 * One entry of a problem's {@code errors} list: which field, a stable code, and a message
 * for people.
 */
public record FieldProblem(String field, String code, String message) {

}
