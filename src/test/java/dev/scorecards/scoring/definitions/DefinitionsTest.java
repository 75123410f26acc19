package dev.scorecards.scoring.definitions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A scorecard file that does not parse or type-check is refused at load, naming the file and the check. */
class DefinitionsTest {
    @TempDir
    Path dir;

    private String loadError(String yaml) throws IOException {
        Path f = Files.writeString(dir.resolve("team.yaml"), yaml);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new ScorecardDefinitions(Optional.of(dir.toString())));
        return e.getMessage().replace(f.toString(), "team.yaml");
    }

    private static String card(String check) {
        return "id: team\nname: Team\nlevels: [One, Two]\nchecks:\n" + check.indent(2);
    }

    @Test
    void syntaxErrors() throws IOException {
        assertEquals("team.yaml: scorecard team, check broken: the expression does not compile: ERROR: <input>:1:18:"
                + " mismatched input '<EOF>' expecting {'[', '{', '(', '.', '-', '!', 'true', 'false',"
                + " 'null', NUM_FLOAT, NUM_INT, NUM_UINT, STRING, BYTES, IDENTIFIER}",
                loadError(card("- {id: broken, level: One, expression: 'facts.apiCount > '}")));
    }

    @Test
    void typeErrorsAndNonBooleans() throws IOException {
        assertEquals("team.yaml: scorecard team, check types: the expression does not compile: ERROR: <input>:1:3:"
                + " found no matching overload for '_+_' applied to '(int, string)' (candidates: (int, int),(uint, uint),"
                + "(double, double),(string, string),(bytes, bytes),(list(%A0), list(%A0)),"
                + "(google.protobuf.Timestamp, google.protobuf.Duration),(google.protobuf.Duration, google.protobuf.Timestamp),"
                + "(google.protobuf.Duration, google.protobuf.Duration))",
                loadError(card("- {id: types, level: One, expression: \"1 + 'a' == 'b'\"}")));
        assertEquals("team.yaml: scorecard team, check count: the expression does not compile: the expression gives"
                + " int, not a boolean", loadError(card("- {id: count, level: One, expression: 'size(relations)'}")));
        assertEquals("team.yaml: scorecard team, check unknown: the applies does not compile: ERROR: <input>:1:1:"
                + " undeclared reference to 'team' (in container '')",
                loadError(card("- {id: unknown, level: One, applies: 'team == 1', expression: 'true'}")));
    }

    @Test
    void structureErrors() throws IOException {
        assertEquals("team.yaml: scorecard team, check x: level 'Three' is not one of [One, Two]",
                loadError(card("- {id: x, level: Three, expression: 'true'}")));
        assertEquals("team.yaml: scorecard team, check x: give either an expression or requires, not both or neither",
                loadError(card("- {id: x, level: One}")));
        assertEquals("team.yaml: check team.x requires documentation.nope, which names no check",
                loadError(card("- {id: x, level: One, requires: [documentation.nope]}")));
    }

    @Test
    void aFileReplacesTheDefaultWithTheSameId() throws IOException {
        Files.writeString(dir.resolve("documentation.yaml"), "id: documentation\nname: Documentation (ours)\n"
                + "levels: [Written]\nchecks:\n  - {id: readme, level: Written, expression: \"facts['docs.readme'] == true\"}\n"
                + "  - {id: mix, level: Written, expression: \"facts.z == 1 && has(facts.b)\", applies: \"'a' in facts\"}\n");
        ScorecardDefinitions d = new ScorecardDefinitions(Optional.of(dir.toString()));
        assertEquals("Documentation (ours)", d.get("documentation").name());
        assertEquals(4, d.all().size());
        assertEquals(java.util.Set.of("docs.readme"), d.check("documentation.readme").requiredFacts());
        Check mix = d.check("documentation.mix");
        assertEquals(java.util.Set.of("z"), mix.requiredFacts());
        assertEquals(java.util.Set.of(), mix.filterFacts());
        // guarded or not, expression and filter together, sorted: what Tech Insights lists with each result
        assertEquals(java.util.List.of("a", "b", "z"), java.util.List.copyOf(mix.mentionedFacts()));
    }
}
