package dev.scorecards.campaigns;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scorecards.campaigns.CampaignSpec.Selection;
import dev.scorecards.campaigns.CampaignSpec.Target;
import dev.scorecards.db.Sql;
import dev.scorecards.errors.ServiceError;
import dev.scorecards.scoring.definitions.ScorecardDefinitions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javax.sql.DataSource;

/**
 * Every campaign: those of the YAML files (read-only) and those defined through the API (stored as
 * {@link Campaign}); one id names one campaign.
 */
@ApplicationScoped
public class Campaigns {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final CampaignFiles files;
    private final ScorecardDefinitions definitions;
    private final DataSource dataSource;

    @Inject
    Campaigns(CampaignFiles files, ScorecardDefinitions definitions, DataSource dataSource) {
        this.files = files;
        this.definitions = definitions;
        this.dataSource = dataSource;
    }

    public List<CampaignSpec> list() {
        List<CampaignSpec> out = new ArrayList<>(files.all().values());
        List<Campaign> stored = Campaign.listAll();
        stored.forEach(c -> out.add(spec(c)));
        out.sort(Comparator.comparing(CampaignSpec::id));
        return out;
    }

    /**
     * Changes whenever a campaign is created, replaced or deleted through the API (on any replica): their
     * number and a sum of hashes of each id with its update time; file campaigns change only with a restart.
     */
    public String version() {
        String[] v = {""};
        Sql.query(dataSource, "select count(*) || ':' || coalesce(sum(hashtext(id || '@' || updated_at::text)), 0)"
                + " from campaign", List.of(), rs -> v[0] = rs.getString(1));
        return v[0];
    }

    /** The campaign with this id, or null. */
    public CampaignSpec find(String id) {
        if (id == null || !CampaignReader.ID.matcher(id).matches()) {
            return null;
        }
        CampaignSpec f = files.get(id);
        if (f != null) {
            return f;
        }
        Campaign c = Campaign.findById(id);
        return c == null ? null : spec(c);
    }

    /** The campaign with this id, or a 404. */
    public CampaignSpec get(String id) {
        CampaignSpec c = find(id);
        if (c == null) {
            throw ServiceError.notFound("No campaign with id " + id);
        }
        return c;
    }

    /** When the campaign was created (API campaigns), for a burn-up without a start date; null for files. */
    public Instant createdAt(String id) {
        Campaign c = files.get(id) != null || find(id) == null ? null : Campaign.findById(id);
        return c == null ? null : c.createdAt;
    }

    @Transactional
    public CampaignSpec create(JsonNode body) {
        CampaignSpec spec = new CampaignReader(definitions, "campaign").read(body, null);
        refuseFile(spec.id());
        if (Campaign.findById(spec.id()) != null) {
            throw ServiceError.conflict("Campaign " + spec.id() + " already exists");
        }
        Campaign c = new Campaign();
        c.id = spec.id();
        c.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        fill(c, spec);
        try {
            c.persistAndFlush();
        } catch (PersistenceException e) {
            throw ServiceError.conflict("Campaign " + spec.id() + " already exists");
        }
        return spec;
    }

    @Transactional
    public CampaignSpec replace(String id, JsonNode body) {
        refuseFile(id);
        if (find(id) == null) {
            throw ServiceError.notFound("No campaign with id " + id);
        }
        if (body != null && body.isObject() && !body.has("id")) {
            ((com.fasterxml.jackson.databind.node.ObjectNode) body).put("id", id);
        }
        CampaignSpec spec = new CampaignReader(definitions, "campaign").read(body, null);
        if (!spec.id().equals(id)) {
            throw ServiceError.input("campaign: id '" + spec.id() + "' differs from the id in the path, '" + id + "'");
        }
        Campaign c = Campaign.findById(id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (c == null) {
            throw ServiceError.notFound("No campaign with id " + id);
        }
        fill(c, spec);
        return spec;
    }

    @Transactional
    public void delete(String id) {
        refuseFile(id);
        if (find(id) == null) {
            throw ServiceError.notFound("No campaign with id " + id);
        }
        if (!Campaign.deleteById(id)) {
            throw ServiceError.notFound("No campaign with id " + id);
        }
    }

    private void refuseFile(String id) {
        CampaignSpec f = files.get(id);
        if (f != null) {
            throw ServiceError.conflict("Campaign " + id + " is defined in " + f.file()
                    + " (scorecards.campaigns.dir); change that file instead");
        }
    }

    private static void fill(Campaign c, CampaignSpec spec) {
        c.title = spec.title();
        c.description = spec.description();
        c.owner = spec.owner();
        c.target = spec.target().json().toString();
        c.selection = spec.selection().json().toString();
        c.start = spec.start();
        c.deadline = spec.deadline();
        c.updatedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private static CampaignSpec spec(Campaign c) {
        try {
            JsonNode t = JSON.readTree(c.target);
            JsonNode s = JSON.readTree(c.selection);
            Target target = new Target(t.path("scorecard").asText(null), t.path("level").asText(null),
                    strings(t.path("checks")));
            Selection selection = new Selection(strings(s.path("owner")), strings(s.path("kind")),
                    strings(s.path("domain")), strings(s.path("system")), s.path("q").asText(null),
                    strings(s.path("capabilities")));
            return new CampaignSpec(c.id, c.title, c.description, c.owner, target, selection, c.start, c.deadline, null);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> strings(JsonNode a) {
        List<String> out = new ArrayList<>();
        a.forEach(v -> out.add(v.asText()));
        return out;
    }
}
