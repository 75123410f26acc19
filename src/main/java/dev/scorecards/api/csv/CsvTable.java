package dev.scorecards.api.csv;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Every list's CSV form, one convention for all: asked for with {@code format=csv} (or, without
 * {@code format}, an Accept header naming text/csv and not application/json, see {@link CsvFormat}); a header line, then
 * one line per item, CRLF, UTF-8, written by jackson-dataformat-csv (RFC 4180 quoting). Nested values
 * are flattened by column paths; arrays become their values joined with {@code ;}. A text cell that a
 * spreadsheet would run as a formula gets a leading {@code '}.
 */
public final class CsvTable {
    public static final String TYPE = "text/csv";
    /** Items become JSON first, as they would in the JSON answer (instants as ISO-8601 text). */
    private static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).build();
    private static final Pattern NUMBER = Pattern.compile("^-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?$");

    private CsvTable() {
    }

    /** A column: its header and how to read its cell from an item. */
    public record Column(String name, Function<JsonNode, String> cell) {
        /** The cell at a dotted path of the item; the column is named after the path. */
        public static Column path(String path) {
            return path(path, path);
        }

        public static Column path(String name, String path) {
            String[] steps = path.split("\\.");
            return new Column(name, item -> text(at(item, steps, 0)));
        }
    }

    /** Writes lines: the header first. */
    public interface Rows {
        void write(Consumer<List<String>> line);
    }

    /** Hands out items one by one. */
    public interface Items {
        void each(Consumer<Object> item);
    }

    /** Items (any objects Jackson can write, or JSON text) under {@code columns}: the header, then a line each. */
    static Rows rows(List<Column> columns, Items items) {
        return line -> {
            line.accept(columns.stream().map(Column::name).toList());
            items.each(item -> {
                JsonNode node = node(item);
                List<String> cells = new ArrayList<>(columns.size());
                columns.forEach(c -> cells.add(c.cell().apply(node)));
                line.accept(cells);
            });
        };
    }

    private static JsonNode node(Object item) {
        try {
            return item instanceof JsonNode n ? n : item instanceof String s ? JSON.readTree(s) : JSON.valueToTree(item);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the lines to {@code out} as they come (UTF-8, CRLF, RFC 4180 quoting, formulas guarded). */
    static void write(Rows rows, OutputStream out) throws IOException {
        OutputStreamWriter w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        try (SequenceWriter seq = CSV.writer(CsvSchema.emptySchema().withLineSeparator("\r\n")).writeValues(w)) {
            rows.write(line -> {
                try {
                    seq.write(line.stream().map(CsvTable::guard).toArray(String[]::new));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    /** A cell as written: null as empty; text a spreadsheet would take for a formula behind a {@code '}. */
    static String guard(String cell) {
        if (cell == null || cell.isEmpty()) {
            return "";
        }
        return "=+-@\t\r".indexOf(cell.charAt(0)) >= 0 && !NUMBER.matcher(cell).matches() ? "'" + cell : cell;
    }

    /** The value at {@code steps[from..]} of a node; through an array, every element's, as an array. */
    private static JsonNode at(JsonNode node, String[] steps, int from) {
        if (from == steps.length || node == null || node.isNull() || node.isMissingNode()) {
            return node;
        }
        if (node.isArray()) {
            var out = JSON.createArrayNode();
            node.forEach(e -> {
                JsonNode v = at(e, steps, from);
                out.add(v == null ? JSON.nullNode() : v);
            });
            return out;
        }
        return at(node.get(steps[from]), steps, from + 1);
    }

    /** A value as cell text: scalars as they read, arrays joined with {@code ;}, objects as JSON. */
    static String text(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return "";
        }
        if (v.isArray()) {
            List<String> parts = new ArrayList<>();
            v.forEach(e -> parts.add(text(e)));
            return String.join(";", parts);
        }
        if (v.isFloatingPointNumber() && v.asText().contains("E")) { // 0.0001 days, not 1.0E-4
            java.math.BigDecimal d = v.decimalValue().stripTrailingZeros();
            return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
        }
        return v.isValueNode() ? v.asText() : v.toString();
    }
}
