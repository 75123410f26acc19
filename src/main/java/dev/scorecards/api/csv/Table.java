package dev.scorecards.api.csv;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.scorecards.api.csv.CsvTable.Column;
import dev.scorecards.api.csv.CsvTable.Items;
import dev.scorecards.api.csv.CsvTable.Rows;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A list answer in both its forms: {@code json} is the JSON body; {@code rows} (a header, then one
 * line per item) the CSV download named {@code file}. Content negotiation ({@link CsvFormat}) picks one.
 */
public record Table(String file, Rows rows, @JsonValue Object json) {

    /** Items under columns as CSV, {@code json} as JSON. */
    public static Table of(String file, List<Column> columns, Iterable<?> items, Object json) {
        return new Table(file, CsvTable.rows(columns, (Items) items::forEach), json);
    }

    /** A list that exists only as CSV (its JSON form is paged and answered elsewhere). */
    public static Table csv(String file, List<Column> columns, Items items) {
        return new Table(file, CsvTable.rows(columns, items), null);
    }

    /** Lines written by their producer, header first, as CSV only. */
    public static Table csv(String file, Rows rows) {
        return new Table(file, rows, null);
    }

    /** A JSON object whose keys keep the order given (the contract's order), unlike {@code Map.of}. */
    public static Map<String, Object> body(Object... keysAndValues) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            body.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return body;
    }
}
