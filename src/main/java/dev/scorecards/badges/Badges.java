package dev.scorecards.badges;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.scorecards.catalog.model.EntityRef;
import dev.scorecards.scoring.definitions.Scorecard;
import dev.scorecards.scoring.definitions.ScorecardDefinitions;
import dev.scorecards.scoring.query.CapabilityList;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * README badges of capabilities: what a scorecard's badge says (its name, the level held, a colour
 * by how high that level is), drawn as SVG or as shields.io endpoint JSON, from the scores the
 * capability list keeps in memory; plus the Markdown that shows them all.
 */
@ApplicationScoped
public class Badges {
    static final String UNKNOWN = "unknown";
    static final String NOT_REPORTED = "not reported";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final CapabilityList list;
    private final ScorecardDefinitions definitions;
    private final BadgeIds ids;
    private final BadgesConfig config;
    private final Cache<Object, Body> bodies = Caffeine.newBuilder().maximumSize(20_000).build();

    /** A badge's response: its status (200, or 404 for "unknown"), bytes and strong ETag. */
    public record Body(int status, byte[] bytes, String etag) {
        /** The answer for this text (UTF-8), 200 when found and 404 otherwise, with the ETag of its bytes. */
        public static Body of(boolean found, String text) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            try {
                byte[] hash = MessageDigest.getInstance("SHA-256").digest(bytes);
                return new Body(found ? 200 : 404, bytes, "\"" + HexFormat.of().formatHex(hash, 0, 16) + "\"");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * A badge as this service's own pages show it: its scorecard, its text ("Adoption: Gold"), and the
     * address of its image, or in obfuscated mode (where name addresses answer "unknown") the SVG itself.
     */
    public record Shown(String scorecard, String alt, String url, String svg) {
    }

    /** What one badge says, and whether it was found. */
    record Verdict(boolean found, String label, String message, String color) {
    }

    @Inject
    Badges(BadgesConfig config, CapabilityList list, ScorecardDefinitions definitions, BadgeIds ids) {
        if (config.cacheSeconds() < 300) {
            throw new IllegalStateException("scorecards.badges.cache-seconds must be at least 300 (shields.io's floor),"
                    + " not " + config.cacheSeconds());
        }
        for (String c : config.colors()) {
            check("scorecards.badges.colors", c);
        }
        config.levelColors().forEach((level, c) -> check("scorecards.badges.level-colors." + level, c));
        check("scorecards.badges.inactive-color", config.inactiveColor());
        this.config = config;
        this.list = list;
        this.definitions = definitions;
        this.ids = ids;
    }

    private static void check(String property, String color) {
        if (!BadgeColor.valid(color)) {
            throw new IllegalStateException(property + ": '" + color + "' is neither a shields.io colour name nor a hex colour");
        }
    }

    public boolean obfuscated() {
        return config.obfuscate();
    }

    /** The badge of a capability named in the URL; "unknown" for every name in obfuscated mode. */
    public Body svgByName(EntityRef ref, String scorecard, BadgeStyle style) {
        return svg(config.obfuscate() ? unknown(scorecard) : verdict(ref, scorecard), style);
    }

    public Body jsonByName(EntityRef ref, String scorecard) {
        return json(config.obfuscate() ? unknown(scorecard) : verdict(ref, scorecard));
    }

    /** The badge of the capability an opaque id stands for. */
    public Body svgById(String id, String scorecard, BadgeStyle style) {
        return svg(verdict(ids.refFor(id), scorecard), style);
    }

    public Body jsonById(String id, String scorecard) {
        return json(verdict(ids.refFor(id), scorecard));
    }

    /**
     * A campaign's badge: its title and "done/total", coloured from the first colour (nothing done) to
     * the last (all done); {@code label} null for an unknown campaign (a 404 "unknown" badge).
     */
    public Body campaign(String label, long done, long total, BadgeStyle style) {
        List<String> colors = config.colors();
        Verdict v = label == null ? new Verdict(false, "campaign", UNKNOWN, config.inactiveColor())
                : new Verdict(true, label, done + "/" + total, total == 0 ? config.inactiveColor()
                        : colors.get((int) Math.round((double) done / total * (colors.size() - 1))));
        return svg(v, style);
    }

    /** Whether the entity is a capability with a current result. */
    public boolean isScored(EntityRef ref) {
        return list.scores(ref) != null;
    }

    /** The opaque id of a scored capability (null when it is not one). */
    public String id(EntityRef ref) {
        return isScored(ref) ? ids.idFor(ref) : null;
    }

    /**
     * The Markdown that shows every badge of a scored capability, the ladder first, one per line, each
     * linking to the capability's page; null when it is not one. {@code base} is the public URL without
     * a trailing slash.
     */
    public String markdown(EntityRef r, String base) {
        if (!isScored(r)) {
            return null;
        }
        String path = r.kind() + "/" + r.namespace() + "/" + r.name();
        String images = base + "/api/scorecards/badges/" + (config.obfuscate() ? "id/" + ids.idFor(r) : path) + "/";
        List<Scorecard> cards = new ArrayList<>();
        definitions.all().stream().filter(Scorecard::ladder).forEach(cards::add);
        definitions.all().stream().filter(s -> !s.ladder()).forEach(cards::add);
        StringBuilder md = new StringBuilder();
        for (Scorecard card : cards) {
            // the name is escaped as Markdown text: backslashes before punctuation that could make markup
            md.append("[![").append(card.name().replaceAll("([\\\\`*_\\[\\]<>&!])", "\\\\$1")).append("](").append(images)
                    .append(card.id()).append(".svg)](").append(base).append("/capabilities/").append(path).append(")\n");
        }
        return md.toString();
    }

    /**
     * The badges a page shows for a capability: every scorecard but the ladder (whose level the page shows
     * itself), in the definitions' order. Inline SVGs get {@code idSuffix} plus their position after their
     * element ids, so that the page's other badges keep theirs.
     */
    public List<Shown> shown(EntityRef r, String idSuffix) {
        List<Shown> out = new ArrayList<>();
        for (Scorecard card : definitions.all()) {
            if (card.ladder()) {
                continue;
            }
            Verdict v = verdict(r, card.id());
            String alt = v.label() + ": " + v.message();
            if (config.obfuscate()) {
                String suffix = idSuffix + "-" + out.size();
                out.add(new Shown(card.id(), alt, null,
                        BadgeSvg.render(new Badge(v.label(), v.message(), v.color(), BadgeStyle.FLAT), suffix)));
            } else {
                out.add(new Shown(card.id(), alt, "/api/scorecards/badges/" + r.kind() + "/" + r.namespace() + "/"
                        + r.name() + "/" + card.id() + ".svg", null));
            }
        }
        return out;
    }

    Verdict verdict(EntityRef ref, String scorecardId) {
        Scorecard card = definitions.get(scorecardId);
        Map<String, CapabilityList.Score> scores = ref == null ? null : list.scores(ref);
        if (card == null || scores == null) {
            return unknown(scorecardId);
        }
        CapabilityList.Score score = scores.get(card.id());
        if (score == null) {
            return new Verdict(true, card.name(), NOT_REPORTED, config.inactiveColor());
        }
        if (score.levelIndex() < 0 || score.level() == null) {
            return new Verdict(true, card.name(), "none", config.colors().get(0));
        }
        return new Verdict(true, card.name(), score.level(), color(card.levels(), score.levelIndex()));
    }

    /**
     * The colour of holding level {@code index} of {@code levels}: a colour configured for its name, else
     * the top level gets the last colour and the others spread over the colours between the first
     * (no level) and the last.
     */
    String color(List<String> levels, int index) {
        String named = config.levelColors().get(levels.get(index));
        if (named != null) {
            return named;
        }
        List<String> colors = config.colors();
        if (index == levels.size() - 1 || colors.size() < 3) {
            return colors.get(colors.size() - 1);
        }
        return colors.get(1 + index * (colors.size() - 2) / (levels.size() - 1));
    }

    private Verdict unknown(String scorecardId) {
        Scorecard card = definitions.get(scorecardId);
        return new Verdict(false, card == null ? "scorecard" : card.name(), UNKNOWN, config.inactiveColor());
    }

    private Body svg(Verdict v, BadgeStyle style) {
        return bodies.get(List.of(v, style),
                k -> body(v.found(), BadgeSvg.render(new Badge(v.label(), v.message(), v.color(), style))));
    }

    private Body json(Verdict v) {
        return bodies.get(List.of(v, "json"), k -> {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("schemaVersion", 1);
            out.put("label", v.label());
            out.put("message", v.message());
            out.put("color", v.color());
            out.put("cacheSeconds", config.cacheSeconds());
            try {
                return body(v.found(), JSON.writeValueAsString(out));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static Body body(boolean found, String text) {
        return Body.of(found, text);
    }
}
