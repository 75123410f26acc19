package dev.scorecards.scoring.definitions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which facts a check expression reads and which it guards, found in its compiled syntax tree. */
class CelChecksTest {
    @Test
    void guardedFactsAreMentionedButNotRequired() {
        String e = "has(facts.x) && facts.x > 1 && facts['y'] == 2 && ('z' in facts ? facts.z : true)";
        assertEquals(List.of("y"), List.copyOf(CelChecks.compile(e).requiredFacts()));
        assertEquals(Set.of("x", "y", "z"), CelChecks.compile(e).mentionedFacts());
    }

    @Test
    void factsInsideMacrosListsAndMapsAreFound() {
        String e = "[facts.a, 1].size() == 2 && {'k': facts.b}.k > 0 && entity.spec.tags.all(t, t != facts.c)";
        assertEquals(Set.of("a", "b", "c"), CelChecks.compile(e).requiredFacts());
    }

    @Test
    void textThatOnlyLooksLikeAFactIsNot() {
        // a regex over the text saw facts.q and facts.r here
        String e = "entity.metadata.name != 'facts.q' && entity.metadata.title != \"has(facts.r)\"";
        assertEquals(Set.of(), CelChecks.compile(e).mentionedFacts());
        assertEquals(Set.of(), CelChecks.compile(e).requiredFacts());
    }
}
