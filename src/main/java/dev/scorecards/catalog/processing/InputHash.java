package dev.scorecards.catalog.processing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * The hash of a document as offered, before processing: its JSON, the Location it was read through,
 * and a fingerprint of the processing itself (the bytes of the classes and data files that decide what
 * a document becomes). Processing is a pure function of these, so a document whose hash is stored
 * next to its entity would process to exactly that entity again; a new build with other processing
 * rules has another fingerprint, so nothing processed by an older one is taken as it is.
 */
public final class InputHash {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> PROCESSING = List.of(
            "dev/scorecards/catalog/processing/EntityProcessor.class",
            "dev/scorecards/catalog/processing/EntityPolicies.class",
            "dev/scorecards/catalog/processing/KindSchemas.class",
            "dev/scorecards/catalog/processing/AjvStyleSchema.class",
            "dev/scorecards/catalog/processing/RelationRules.class",
            "dev/scorecards/catalog/processing/FieldFormats.class",
            "dev/scorecards/catalog/model/SearchDocument.class",
            "dev/scorecards/catalog/model/EntityRef.class",
            "catalog/entity.schema.json",
            "catalog/relations.yaml",
            "catalog/kinds/API.schema.json",
            "catalog/kinds/Component.schema.json",
            "catalog/kinds/Domain.schema.json",
            "catalog/kinds/Group.schema.json",
            "catalog/kinds/Location.schema.json",
            "catalog/kinds/Resource.schema.json",
            "catalog/kinds/System.schema.json",
            "catalog/kinds/Template.schema.json",
            "catalog/kinds/User.schema.json");
    private static final byte[] FINGERPRINT = fingerprint();

    private InputHash() {
    }

    /** The hash of {@code document} offered through {@code parentRef} (null when pushed). */
    public static String of(JsonNode document, String parentRef) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update(FINGERPRINT);
            d.update((parentRef == null ? "-" : "+" + parentRef).getBytes(StandardCharsets.UTF_8));
            d.update((byte) 0);
            d.update(JSON.writeValueAsBytes(document));
            return HexFormat.of().formatHex(d.digest());
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The hash of a document's text (bytes {@code from} to {@code to}) before it is parsed, read in
     * {@code context} by the code in {@code parsing} (class or resource names, fingerprinted once);
     * never equal to a hash of {@link #of}.
     */
    public static String ofText(byte[] text, int from, int to, List<String> parsing, String context) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update(FINGERPRINT);
            d.update(PARSERS.computeIfAbsent(parsing, InputHash::fingerprint));
            d.update("text\u0000".getBytes(StandardCharsets.UTF_8));
            d.update(context.getBytes(StandardCharsets.UTF_8));
            d.update((byte) 0);
            d.update(text, from, to - from);
            return HexFormat.of().formatHex(d.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final java.util.Map<List<String>, byte[]> PARSERS = new java.util.concurrent.ConcurrentHashMap<>();

    private static byte[] fingerprint() {
        return fingerprint(PROCESSING);
    }

    /** The fingerprint of these parts; a random one (nothing is taken as it is) when a part cannot be read. */
    private static byte[] fingerprint(List<String> parts) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            for (String part : parts) {
                try (InputStream in = InputHash.class.getClassLoader().getResourceAsStream(part)) {
                    if (in == null) {
                        return UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8);
                    }
                    d.update(part.getBytes(StandardCharsets.UTF_8));
                    d.update(in.readAllBytes());
                }
            }
            return d.digest();
        } catch (NoSuchAlgorithmException | IOException e) {
            return UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8);
        }
    }
}
