package dev.scorecards.ingest.location;

import java.nio.file.Path;

/** The example catalog was registered on this first start; {@code folder} holds its files (later stages add their examples). */
public record ExamplesRegistered(Path folder) {
}
