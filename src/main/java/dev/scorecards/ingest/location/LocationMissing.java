package dev.scorecards.ingest.location;

/** A location target that does not exist (a missing file, or a 404): fatal only when its presence is required. */
class LocationMissing extends RuntimeException {
    LocationMissing(String message) {
        super(message);
    }
}
