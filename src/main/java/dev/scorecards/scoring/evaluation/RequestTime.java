package dev.scorecards.scoring.evaluation;

/**
 * How much time the service has spent answering HTTP requests: what a background evaluation gives back
 * to reads. Implemented by the API stage (scoring never imports it); without one, scoring assumes reads
 * are always waiting.
 */
public interface RequestTime {
    /** Nanoseconds spent serving requests that have ended, summed over all requests since start. */
    long servedNanos();
}
