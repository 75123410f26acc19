package dev.scorecards.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scorecards.facts.graph.TeamInteractions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The team graph picture keeps to its caps, picks the most central teams and lays them out deterministically. */
class TeamGraphPictureTest {
    /** {@code n} teams; team i uses teams i+1..i+3 (weight i % 7 + 1); betweenness grows with i % 97. */
    private static TeamInteractions.Result graph(int n) {
        List<TeamInteractions.Team> teams = new ArrayList<>();
        List<TeamInteractions.Edge> edges = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String ref = String.format("group:default/team-%04d", i);
            teams.add(new TeamInteractions.Team(ref, "Team " + i, 3, 3, 3, 3, i % 97, (i % 97) / 100.0, i % 97 == 96));
            for (int k = 1; k <= 3 && i + k < n; k++) {
                edges.add(new TeamInteractions.Edge(String.format("group:default/team-%04d", i + k), ref, i % 7 + 1));
            }
        }
        teams.add(new TeamInteractions.Team("group:default/alone", "Alone", 0, 0, 0, 0, 0, 0, false));
        return new TeamInteractions.Result(teams, edges, 0.5, 1, 0);
    }

    @Test
    void aLargeGraphIsCappedToTheMostCentralTeams() {
        TeamGraphPicture.Picture p = TeamGraphPicture.draw(graph(2000), 60, 300);
        assertEquals(60, p.nodes().size());
        assertTrue(p.capped());
        assertEquals(2001, p.teams());
        assertEquals(2000, p.interacting());
        assertEquals(5994, p.edges());
        // the 60 highest betweenness values are 96, 95 and 94 (20 teams each), the 96s being bottlenecks
        assertEquals(List.of("94.0", "95.0", "96.0"),
                p.nodes().stream().map(TeamGraphPicture.Node::betweenness).distinct().sorted().toList());
        assertEquals(20, p.nodes().stream().filter(TeamGraphPicture.Node::bottleneck).count());
        // between them: i+1 → i and i+2 → i within each run of three consecutive teams
        assertEquals(60, p.lines().size());
        for (TeamGraphPicture.Node n : p.nodes()) {
            assertTrue(n.x() >= 70 && n.x() <= 890 && n.y() >= 70 && n.y() <= 530, n.toString());
        }
    }

    @Test
    void edgesAreCappedToTheHeaviestAndDrawnByWeight() {
        TeamGraphPicture.Picture p = TeamGraphPicture.draw(graph(200), 200, 300);
        assertEquals(200, p.nodes().size());
        assertEquals(300, p.lines().size());
        assertTrue(p.capped());
        // 594 edges of weights 1..7 (i % 7 + 1, three per team): the 300 kept are all of weight 7, 6 and 5 (3 × 84)
        // and 48 of weight 4
        assertEquals(4, p.lines().stream().mapToLong(TeamGraphPicture.Line::weight).min().orElse(0));
        assertEquals(48, p.lines().stream().filter(l -> l.weight() == 4).count());
        p.lines().stream().filter(l -> l.weight() == 7).forEach(l -> assertEquals(6.0, l.width()));
        p.lines().stream().filter(l -> l.weight() == 4).forEach(l -> assertEquals(4.8, l.width()));
    }

    @Test
    void theSameGraphGivesTheSamePicture() {
        TeamGraphPicture.Picture a = TeamGraphPicture.draw(graph(40), 60, 300);
        TeamGraphPicture.Picture b = TeamGraphPicture.draw(graph(40), 60, 300);
        assertEquals(a, b);
        assertFalse(a.capped());
        assertEquals(40, a.nodes().size(), "the team without interactions is left out");
        assertEquals(114, a.lines().size());
        // teams are drawn in ref order, and spread over the picture
        List<String> refs = a.nodes().stream().map(TeamGraphPicture.Node::ref).toList();
        assertEquals(refs.stream().sorted().toList(), refs);
        double minX = a.nodes().stream().mapToDouble(TeamGraphPicture.Node::x).min().orElse(0);
        double maxX = a.nodes().stream().mapToDouble(TeamGraphPicture.Node::x).max().orElse(0);
        assertEquals(70.0, minX);
        assertEquals(890.0, maxX);
        TeamGraphPicture.Node widest = a.nodes().stream().max(Comparator.comparingDouble(TeamGraphPicture.Node::r))
                .orElseThrow();
        assertEquals(20.0, widest.r());
    }
}
