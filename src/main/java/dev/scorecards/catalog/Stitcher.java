package dev.scorecards.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;

/**
 * Builds the entity as served (Backstage's "final entity"): the stored body plus {@code metadata.uid},
 * {@code metadata.etag}, its outgoing relations sorted by type and target, and a {@code status} with
 * refused claims. Done at write time, so reads return stored text.
 */
@ApplicationScoped
public class Stitcher {
    private static final int CHUNK = 1000;
    static final String PROCESSING_STATUS = "backstage.io/catalog-processing";

    private final ObjectMapper json = new ObjectMapper();

    /** Re-stitches the given refs (those that do not exist as entities are skipped). */
    void stitch(Connection c, Collection<String> refs) throws SQLException {
        List<String> all = new ArrayList<>(refs);
        for (int from = 0; from < all.size(); from += CHUNK) {
            stitchChunk(c, all.subList(from, Math.min(all.size(), from + CHUNK)));
        }
    }

    private void stitchChunk(Connection c, List<String> refs) throws SQLException {
        List<String> outRefs = new ArrayList<>();
        List<String> finals = new ArrayList<>();
        List<String> etags = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select e.ref, e.uid::text, e.body, e.body_hash,
                  coalesce((select json_agg(json_build_array(r.type, r.target_ref) order by r.type, r.target_ref)::text
                            from (select distinct type, target_ref from catalog_relation where source_ref = e.ref) r), '[]'),
                  coalesce((select json_agg(json_build_array(k.source, k.message) order by k.source)::text
                            from catalog_conflict k where k.ref = e.ref), '[]')
                from catalog_entity e where e.ref = any(?)
                """)) {
            ps.setArray(1, Sql.texts(c, refs));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String relations = rs.getString(5);
                    String conflicts = rs.getString(6);
                    String etag = etag(rs.getString(4), relations, conflicts);
                    outRefs.add(rs.getString(1));
                    finals.add(compose(rs.getString(2), rs.getString(3), etag, relations, conflicts));
                    etags.add(etag);
                }
            }
        } catch (IOException e) {
            throw new SQLException("stored entity is not valid JSON", e);
        }
        if (outRefs.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("""
                update catalog_entity e set final = u.final, etag = u.etag
                from unnest(?::text[], ?::text[], ?::text[]) as u(ref, final, etag) where e.ref = u.ref
                """)) {
            ps.setArray(1, Sql.texts(c, outRefs));
            ps.setArray(2, Sql.texts(c, finals));
            ps.setArray(3, Sql.texts(c, etags));
            ps.executeUpdate();
        }
    }

    private String compose(String uid, String body, String etag, String relations, String conflicts)
            throws IOException {
        ObjectNode entity = (ObjectNode) json.readTree(body);
        ObjectNode metadata = (ObjectNode) entity.get("metadata");
        metadata.put("uid", uid);
        metadata.put("etag", etag);
        ArrayNode rel = entity.putArray("relations");
        for (JsonNode pair : json.readTree(relations)) {
            rel.addObject().put("type", pair.get(0).asText()).put("targetRef", pair.get(1).asText());
        }
        JsonNode refused = json.readTree(conflicts);
        if (!refused.isEmpty()) {
            ArrayNode items = entity.putObject("status").putArray("items");
            for (JsonNode k : refused) {
                ObjectNode item = items.addObject();
                item.put("type", PROCESSING_STATUS);
                item.put("level", "warning");
                item.put("message", "ConflictError: " + k.get(1).asText());
                item.putObject("error").put("name", "ConflictError").put("message", k.get(1).asText());
            }
        }
        return json.writeValueAsString(entity);
    }

    private static String etag(String bodyHash, String relations, String conflicts) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-1");
            md.update(bodyHash.getBytes(StandardCharsets.UTF_8));
            md.update(relations.getBytes(StandardCharsets.UTF_8));
            md.update(conflicts.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
