package se.kedja.events.cases;

/**
 * A need for accessibility in one area, and whether an adaptation (anpassning) meets it.
 * A plan with no needs has an empty list: the question was asked and the answer was none.
 */
public record AccessibilityNeed(AccessibilityArea area, boolean adapted) {
}
