package dev.scorecards.ingest.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** Which documents' texts may be taken as unchanged by their hash: those naming none of the strings. */
class YamlSegmentsTest {
    private static final ParseLimits LIMITS = new ParseLimits(10_485_760, 64, 1_000_000, 100, 100_000);

    @Test
    void aSegmentIsHashableOnlyWithoutAnyOfTheStringsAnywhereInItsOwnText() {
        String yaml = String.join("\n", "kind: Component", "metadata: {name: a}", "---",
                "kind: Location", "---", "spec: {definition: {$text: ./x}}", "---",
                "metadata: {description: 'L$ \\\\ no'}", "---", "name: Locatio", "---", "x: $yaml", "");
        YamlSegments segments = YamlSegments.of(yaml.getBytes(StandardCharsets.UTF_8), LIMITS);
        Predicate<YamlSegments.Segment> hashable = YamlSegments.containingNone("Location", "\\", "$text", "$json",
                "$yaml");
        assertEquals(List.of(true, false, false, false, true, false),
                segments.segments().stream().map(hashable::test).toList());
        assertEquals(List.of(true, true, false, true, true, false), segments.segments().stream()
                .map(YamlSegments.containingNone("$text", "$json", "$yaml")::test).toList());
    }
}
