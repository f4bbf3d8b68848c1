package se.kedja.progress.intake;

/**
 * Published after a transaction moved a project's figures, for the live stream to push
 * them.
 */
public record FiguresChanged(String projectId) {

}
