package dev.scorecards.ingest.source;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scorecards.catalog.model.EntityProblem;

/**
 * A document offered to a source before processing: its position, the file it came from (null when
 * pushed), its content, the Location entity it was read through (null when pushed), a problem found
 * before processing (an unresolvable placeholder), if any, the hash of its text when it was hashed
 * before parsing (null: its content is hashed), and, when that hash is stored, the ref of the entity
 * stored from it (then the document was not parsed and its content is null).
 */
public record Candidate(int index, String location, JsonNode content, String parentRef, EntityProblem problem,
        String inputHash, String knownRef) {

    public Candidate(int index, String location, JsonNode content, String parentRef, EntityProblem problem) {
        this(index, location, content, parentRef, problem, null, null);
    }

    /** A document whose text hashed to what the source's entity {@code ref} was stored from. */
    public static Candidate known(int index, String location, String parentRef, String hash, String ref) {
        return new Candidate(index, location, null, parentRef, null, hash, ref);
    }
}
