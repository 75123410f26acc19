package dev.scorecards.ingest.parse;

import dev.scorecards.ingest.IngestConfig;

/**
 * How much one request or one file may ask of the parser. Exceeding any of them is a clear 400
 * (or 413 for the body size), never a slow or unbounded parse.
 *
 * @param maxBodyBytes  largest request body or Location file
 * @param maxDepth      deepest nesting of mappings and sequences
 * @param maxScalarChars longest single string value
 * @param maxAliases    YAML aliases per document (Backstage's yaml library allows 100)
 * @param maxNodes      values per document, counting those that aliases expand to
 */
public record ParseLimits(long maxBodyBytes, int maxDepth, int maxScalarChars, int maxAliases, int maxNodes) {

    /** The parse limits every reader of documents uses ({@code scorecards.ingest.*}). */
    public static ParseLimits of(IngestConfig.Ingest i) {
        return new ParseLimits(i.maxBodyBytes(), i.maxDepth(), i.maxScalarChars(), i.maxAliases(), i.maxNodes());
    }
}
