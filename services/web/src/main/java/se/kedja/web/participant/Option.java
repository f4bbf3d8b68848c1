package se.kedja.web.participant;

/** One choice in a select or a group of checkboxes. */
record Option(String value, String label) {

}
