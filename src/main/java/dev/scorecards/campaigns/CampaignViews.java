package dev.scorecards.campaigns;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scorecards.campaigns.CampaignProgress.Item;
import dev.scorecards.campaigns.CampaignProgress.Progress;
import dev.scorecards.campaigns.CampaignProgress.Team;
import java.util.List;

/** A campaign's progress as the API answers it: the summary (in lists) and the whole (teams, capabilities). */
public final class CampaignViews {
    private static final ObjectMapper JSON = new ObjectMapper();

    private CampaignViews() {
    }

    public static ObjectNode summary(Progress p) {
        ObjectNode o = p.campaign().json();
        o.put("status", p.status());
        o.put("done", p.done());
        o.put("total", p.total());
        o.put("percentage", p.percentage());
        o.put("daysLeft", p.daysLeft());
        o.put("missedCount", p.missed().size());
        return o;
    }

    public static ObjectNode whole(Progress p) {
        ObjectNode o = summary(p);
        ArrayNode missed = o.putArray("missed");
        p.missed().forEach(ref -> missed.add(ref.toString()));
        o.set("teams", teams(p));
        o.set("capabilities", capabilities(p));
        return o;
    }

    public static ArrayNode teams(Progress p) {
        ArrayNode out = JSON.createArrayNode();
        for (Team t : p.teams()) {
            out.addObject().put("owner", t.owner()).put("done", t.done()).put("total", t.total())
                    .put("percentage", t.percentage());
        }
        return out;
    }

    public static ArrayNode capabilities(Progress p) {
        ArrayNode out = JSON.createArrayNode();
        for (Item i : p.capabilities()) {
            ObjectNode o = out.addObject();
            o.put("entityRef", i.entityRef().toString());
            o.put("title", i.title());
            o.put("owner", i.owner());
            o.put("done", i.done());
            o.put("missed", i.missed());
            o.put("level", i.level());
            ArrayNode steps = o.putArray("nextSteps");
            for (TargetRule.Step s : i.nextSteps()) {
                steps.addObject().put("checkId", s.checkId()).put("name", s.name()).put("state", s.state())
                        .put("reason", s.reason()).put("remediation", s.remediation()).put("link", s.link());
            }
        }
        return out;
    }

    public static ArrayNode history(List<CampaignHistory.Point> points) {
        ArrayNode out = JSON.createArrayNode();
        for (CampaignHistory.Point pt : points) {
            out.addObject().put("at", pt.at().toString()).put("done", pt.done()).put("total", pt.total())
                    .put("percentage", pt.percentage());
        }
        return out;
    }
}
