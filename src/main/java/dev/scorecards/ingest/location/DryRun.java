package dev.scorecards.ingest.location;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scorecards.catalog.processing.EntityProcessor;
import dev.scorecards.catalog.processing.ProcessingResult;
import dev.scorecards.ingest.source.Candidate;
import dev.scorecards.ingest.source.DocumentProblem;
import dev.scorecards.ingest.source.Rejection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Registering with {@code dryRun}: every document of the location processed, nothing stored. */
final class DryRun {
    private DryRun() {
    }

    /** The processed entities, or a 400 listing every bad or duplicate document. */
    static List<JsonNode> process(EntityProcessor processor, LocationCrawler.Crawl crawl, String what) {
        List<JsonNode> out = new ArrayList<>();
        List<DocumentProblem> problems = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        while (crawl.hasNext()) {
            Candidate c = crawl.next();
            ProcessingResult r = c.problem() != null
                    ? new ProcessingResult(null, null, List.of(c.problem())) : processor.process(c.content());
            if (!r.ok()) {
                r.problems().forEach(p -> problems.add(new DocumentProblem(c.index(), c.location(), r.ref(), p.field(),
                        p.backstageMessage(r.ref()))));
            } else if (seen.putIfAbsent(r.ref(), c.index()) != null) {
                problems.add(new DocumentProblem(c.index(), c.location(), r.ref(), "metadata.name",
                        "Duplicate nested entity: " + r.ref()));
            } else {
                out.add(r.entity().entity());
            }
        }
        if (!problems.isEmpty()) {
            throw Rejection.of(what, problems, problems.size());
        }
        return out;
    }
}
