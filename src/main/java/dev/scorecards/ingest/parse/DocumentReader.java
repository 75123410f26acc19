package dev.scorecards.ingest.parse;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads entity documents one at a time from multi-document YAML ({@code ---}) or JSON: a single
 * document, an array of documents, or several concatenated. Empty documents are skipped, as
 * Backstage skips them. YAML is read with YAML 1.2 scalars (only {@code true}/{@code false} are
 * booleans); aliases are expanded within {@link ParseLimits}, duplicate keys are an error.
 */
public final class DocumentReader implements Iterator<ParsedDocument>, Closeable {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final JsonParser parser;
    private final boolean yaml;
    private final ParseLimits limits;
    private final Deque<Boolean> inTopLevelArray = new ArrayDeque<>();
    private final Map<String, JsonNode> anchors = new HashMap<>();
    private ParsedDocument next;
    private int index;
    private int aliases;
    private int nodes;
    private boolean done;

    private DocumentReader(JsonParser parser, boolean yaml, ParseLimits limits, int firstIndex) {
        this.index = firstIndex;
        this.parser = parser;
        this.yaml = yaml;
        this.limits = limits;
    }

    /** Opens a reader; {@code json} picks the JSON parser, otherwise YAML (of which JSON is mostly a subset). */
    public static DocumentReader open(InputStream in, boolean json, ParseLimits limits) {
        return open(in, json, limits, 0);
    }
    /** As {@link #open(InputStream, boolean, ParseLimits)}, numbering the documents from {@code firstIndex}. */
    static DocumentReader open(InputStream in, boolean json, ParseLimits limits, int firstIndex) {
        StreamReadConstraints constraints = StreamReadConstraints.builder()
                .maxNestingDepth(limits.maxDepth())
                .maxStringLength(limits.maxScalarChars())
                .maxDocumentLength(limits.maxBodyBytes())
                .build();
        try {
            if (json) {
                JsonFactory factory = JsonFactory.builder().streamReadConstraints(constraints).build();
                return new DocumentReader(factory.createParser(in), false, limits, firstIndex);
            }
            LoaderOptions options = new LoaderOptions();
            options.setCodePointLimit((int) Math.min(Integer.MAX_VALUE, limits.maxBodyBytes()));
            options.setNestingDepthLimit(limits.maxDepth());
            options.setMaxAliasesForCollections(limits.maxAliases());
            YAMLFactory factory = YAMLFactory.builder()
                    .loaderOptions(options)
                    .streamReadConstraints(constraints)
                    .enable(YAMLParser.Feature.PARSE_BOOLEAN_LIKE_WORDS_AS_STRINGS)
                    .enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL)
                    .build();
            return new DocumentReader(factory.createParser(new LineLengthGuard(in, limits.maxScalarChars())), true,
                    limits, firstIndex);
        } catch (IOException e) {
            throw new DocumentSyntaxError(0, 1, e.getMessage());
        }
    }

    @Override
    public boolean hasNext() {
        if (next == null && !done) {
            next = advance();
        }
        return next != null;
    }

    @Override
    public ParsedDocument next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        ParsedDocument out = next;
        next = null;
        return out;
    }

    private ParsedDocument advance() {
        try {
            while (true) {
                JsonToken token = parser.nextToken();
                if (token == null) {
                    done = true;
                    return null;
                }
                boolean topArray = !inTopLevelArray.isEmpty();
                if (token == JsonToken.END_ARRAY && topArray) {
                    inTopLevelArray.pop();
                    continue;
                }
                if (token == JsonToken.START_ARRAY && !topArray && !isAlias()) {
                    inTopLevelArray.push(Boolean.TRUE);
                    continue;
                }
                int line = parser.currentTokenLocation().getLineNr();
                anchors.clear();
                aliases = 0;
                nodes = 0;
                JsonNode content = readValue(token, "");
                if (content == null || content.isNull()) {
                    continue;
                }
                String unstorable = dev.scorecards.errors.StorableText.unstorableField(content, "");
                if (unstorable != null) {
                    throw new DocumentSyntaxError(index, line, (yaml ? "YAML" : "JSON") + " error in the document at line "
                            + line + ": " + (unstorable.isEmpty() ? "the document" : unstorable)
                            + " contains a NUL character (\\u0000), which cannot be stored");
                }
                return new ParsedDocument(index++, line, content);
            }
        } catch (DocumentSyntaxError | dev.scorecards.errors.ServiceError e) {
            throw e;
        } catch (LineLengthGuard.LineTooLong e) {
            throw new DocumentSyntaxError(index, e.line, "YAML error at line " + e.line + ": " + e.getMessage());
        } catch (StreamConstraintsException e) {
            throw error(limitMessage(e.getMessage()));
        } catch (IOException | RuntimeException e) {
            throw error(cleanMessage(e));
        }
    }

    private JsonNode readValue(JsonToken token, String field) throws IOException {
        if (++nodes > limits.maxNodes()) {
            throw error("Document has more than " + limits.maxNodes() + " values");
        }
        if (isAlias()) {
            return expandAlias(parser.getText());
        }
        String anchor = yaml ? ((YAMLParser) parser).getCurrentAnchor() : null;
        if (yaml) {
            refuseTag(((YAMLParser) parser).getTypeId(), field);
        }
        JsonNode value = switch (token) {
            case START_OBJECT -> readObject(field);
            case START_ARRAY -> readArray(field);
            case VALUE_STRING -> NODES.textNode(scalar(parser.getText()));
            case VALUE_NUMBER_INT -> parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                    ? NODES.numberNode(parser.getBigIntegerValue())
                    : NODES.numberNode(parser.getLongValue());
            case VALUE_NUMBER_FLOAT -> NODES.numberNode(parser.getDoubleValue());
            case VALUE_TRUE -> NODES.booleanNode(true);
            case VALUE_FALSE -> NODES.booleanNode(false);
            case VALUE_NULL -> NODES.nullNode();
            default -> throw error("Unexpected " + token + (field.isEmpty() ? "" : " at " + field));
        };
        if (anchor != null) {
            anchors.put(anchor, value);
        }
        return value;
    }

    private String scalar(String text) {
        if (text.length() > limits.maxScalarChars()) {
            throw error("a value longer than " + limits.maxScalarChars() + " characters");
        }
        return text;
    }

    /**
     * Refuses a YAML tag outside the core schema ({@code !!binary}, {@code !!timestamp}, {@code !custom}):
     * entities hold strings, numbers, booleans, null, mappings and sequences only.
     */
    private void refuseTag(String tag, String field) {
        if (tag == null || tag.isEmpty() || CORE_TAGS.contains(tag)) {
            return;
        }
        String shown = tag.startsWith(CORE_PREFIX) ? "!!" + tag.substring(CORE_PREFIX.length()) : "!" + tag;
        throw error("the YAML tag " + shown + " on " + (field.isEmpty() ? "the document" : field)
                + " is not supported (only strings, numbers, booleans, null, mappings and sequences)");
    }

    private static final String CORE_PREFIX = "tag:yaml.org,2002:";
    private static final java.util.Set<String> CORE_TAGS = java.util.Set.of("str", "int", "float", "bool", "null", "map",
            "seq").stream().map(t -> CORE_PREFIX + t).collect(java.util.stream.Collectors.toUnmodifiableSet());

    private ObjectNode readObject(String field) throws IOException {
        ObjectNode object = NODES.objectNode();
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_OBJECT) {
            if (token == null) {
                throw error("Unexpected end of input");
            }
            String key = parser.currentName();
            if (yaml && "<<".equals(key)) {
                throw error("YAML merge keys (<<) are not supported");
            }
            JsonNode value = readValue(parser.nextToken(), field.isEmpty() ? key : field + "." + key);
            if (object.has(key)) {
                throw error("Map keys must be unique; \"" + key + "\" is repeated");
            }
            object.set(key, value);
        }
        return object;
    }

    private ArrayNode readArray(String field) throws IOException {
        ArrayNode array = NODES.arrayNode();
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (token == null) {
                throw error("Unexpected end of input");
            }
            array.add(readValue(token, field + "[" + array.size() + "]"));
        }
        return array;
    }

    private boolean isAlias() {
        return yaml && ((YAMLParser) parser).isCurrentAlias();
    }

    private JsonNode expandAlias(String name) {
        if (++aliases > limits.maxAliases()) {
            throw error("Excessive alias count: more than " + limits.maxAliases() + " YAML aliases in one document");
        }
        JsonNode target = anchors.get(name);
        if (target == null) {
            throw error("Unresolved alias *" + name + " (only aliases of mappings and sequences are supported)");
        }
        nodes += count(target);
        if (nodes > limits.maxNodes()) {
            throw error("YAML aliases expand to more than " + limits.maxNodes() + " values");
        }
        return target;
    }

    private int count(JsonNode node) {
        int n = 1;
        if (node.isContainerNode()) {
            for (JsonNode child : node) {
                n += count(child);
                if (n > limits.maxNodes()) {
                    return n;
                }
            }
        }
        return n;
    }

    private DocumentSyntaxError error(String message) {
        var loc = parser.currentLocation();
        int line = loc == null ? 0 : loc.getLineNr();
        return new DocumentSyntaxError(index, line,
                (yaml ? "YAML" : "JSON") + " error at line " + line + ": " + message);
    }

    private String limitMessage(String raw) {
        String lower = raw.toLowerCase(java.util.Locale.ROOT);
        if (lower.contains("nesting depth")) {
            return "nesting deeper than " + limits.maxDepth() + " levels";
        }
        if (lower.contains("string value length")) {
            return "a value longer than " + limits.maxScalarChars() + " characters";
        }
        if (lower.contains("document length")) {
            return "the input is longer than " + limits.maxBodyBytes() + " bytes";
        }
        return raw.lines().findFirst().orElse(raw);
    }

    private static String cleanMessage(Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int at = m.indexOf(" at [Source:");
        if (at > 0) {
            m = m.substring(0, at);
        }
        return m.lines().map(String::strip).filter(s -> !s.isEmpty()).limit(3)
                .reduce((a, b) -> a + " " + b).orElse(m);
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
