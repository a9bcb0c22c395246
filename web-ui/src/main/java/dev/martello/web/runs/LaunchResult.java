package dev.martello.web.runs;

/**
 * What a launch request got: its launch id, and the run id once the run has started ({@code QUEUED} runs get theirs
 * when a runner slot frees; the {@code run-started} event names both).
 */
public record LaunchResult(String launchId, String runId, String state, int steps) {
}
