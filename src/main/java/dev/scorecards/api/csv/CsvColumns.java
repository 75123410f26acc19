package dev.scorecards.api.csv;

import static dev.scorecards.api.csv.CsvTable.Column.path;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scorecards.api.csv.CsvTable.Column;
import dev.scorecards.catalog.model.EntityRef;
import dev.scorecards.scoring.definitions.Scorecard;
import java.util.ArrayList;
import java.util.List;

/** The columns of each list's CSV form (documented in openapi.yaml and docs/scripts.md). */
public final class CsvColumns {
    public static final List<Column> CONSUMERS = List.of(path("ref"), path("kind"), path("ownerRef"), path("teams"),
            path("uses"));
    public static final List<Column> FACTS = List.of(path("name"), path("value"), path("source"), path("observedAt"),
            path("receivedAt"));
    public static final List<Column> EXEMPTIONS = List.of(path("id"), path("entityRef"), path("checkId"), path("reason"),
            path("author"), path("expiresAt"), path("createdAt"));
    public static final List<Column> AUDIT = List.of(path("id"), path("exemptionId"), path("action"), path("actor"),
            path("at"), path("entityRef", "exemption.entityRef"), path("checkId", "exemption.checkId"),
            path("reason", "exemption.reason"), path("author", "exemption.author"),
            path("expiresAt", "exemption.expiresAt"), path("createdAt", "exemption.createdAt"));
    public static final List<Column> API_AUDIT = List.of(path("id"), path("at"), path("actor"), path("method"), path("path"),
            path("query"), path("operation"), path("status"), path("target"));
    public static final List<Column> TEAMS = List.of(path("teamRef"), path("title"), path("members"), path("produces"),
            path("consumes"));
    public static final List<Column> TIME_TO_FIRST_ADOPTER = List.of(path("entityRef"), path("firstSeenAt"),
            path("firstConsumerAt"), path("days"), path("reason"));
    public static final List<Column> BYPASSES = List.of(path("entityRef"), path("bypassCount"), path("bypassingTeams"),
            path("teamsInvolved"), path("bypassRatio"), path("bypasses", "bypasses.ref"), path("how", "bypasses.how"),
            path("bypassingTeamRefs"));
    public static final List<Column> TEAM_EDGES = List.of(path("producer"), path("consumer"), path("weight"));
    public static final List<Column> LOCATIONS = List.of(path("id"), path("type"), path("target"));
    public static final List<Column> ENTITIES = List.of(new Column("entityRef", CsvColumns::entityRef), path("apiVersion"),
            path("kind"), path("namespace", "metadata.namespace"), path("name", "metadata.name"),
            path("title", "metadata.title"), path("description", "metadata.description"), path("owner", "spec.owner"),
            path("type", "spec.type"), path("lifecycle", "spec.lifecycle"), path("system", "spec.system"),
            path("domain", "spec.domain"), path("tags", "metadata.tags"), path("uid", "metadata.uid"));

    /** One line per scorecard; its levels and its checks' ids joined with {@code ;}. */
    public static final List<Column> SCORECARDS = List.of(path("id"), path("name"), path("description"), path("levels"),
            path("ladder"), path("checks", "checks.id"), path("file"));
    /** One line per live Backstage source with its last pull. */
    public static final List<Column> BACKSTAGE_SOURCES = List.of(path("name"), path("source"), path("baseUrl"),
            path("interval"), path("filter"), path("lastRun.trigger"), path("lastRun.started"),
            path("lastRun.finished"), path("lastRun.entities"), path("lastRun.created"), path("lastRun.updated"),
            path("lastRun.unchanged"), path("lastRun.removed"), path("lastRun.conflicts"), path("lastRun.error"),
            path("lastSuccess"));

    private CsvColumns() {
    }

    /**
     * A capability's history: the ladder level, each other scorecard's level and percentage, consumers,
     * whether it left, and the checks that did not pass, as {@code id=STATE} by id, joined with {@code ;}.
     */
    public static List<Column> history(List<Scorecard> scorecards) {
        List<Column> columns = new ArrayList<>(List.of(path("at"), path("level"), path("levelIndex")));
        for (Scorecard s : scorecards) {
            if (!s.ladder()) {
                columns.add(path(s.id() + ".level", "scorecards." + s.id() + ".level"));
                columns.add(path(s.id() + ".percentage", "scorecards." + s.id() + ".percentage"));
            }
        }
        columns.add(path("consumers"));
        columns.add(path("removed"));
        columns.add(new Column("notPassing", item -> {
            java.util.TreeMap<String, String> failing = new java.util.TreeMap<>();
            item.path("checks").fields().forEachRemaining(e -> {
                if (!e.getValue().asText().equals("PASS")) {
                    failing.put(e.getKey(), e.getValue().asText());
                }
            });
            List<String> cells = new ArrayList<>();
            failing.forEach((id, state) -> cells.add(id + "=" + state));
            return String.join(";", cells);
        }));
        return columns;
    }

    private static String entityRef(JsonNode entity) {
        JsonNode meta = entity.path("metadata");
        return new EntityRef(entity.path("kind").asText(), meta.path("namespace").asText(EntityRef.DEFAULT_NAMESPACE),
                meta.path("name").asText()).toString();
    }
}
