package dev.scorecards.catalog.query;

import dev.scorecards.errors.ServiceError;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One sort key over the search index, e.g. {@code asc:metadata.name}. */
public record EntityOrder(String field, boolean ascending) {
    private static final Pattern ORDER = Pattern.compile("^(asc|desc):(.+)$");

    /** Parses {@code GET /entities}' {@code order=asc:<field>}. */
    public static EntityOrder parseOrderParam(String value) {
        Matcher m = ORDER.matcher(value);
        if (!m.matches()) {
            throw ServiceError.input("Invalid order field order, expected 'asc:<field>' or 'desc:<field>' but got '"
                    + value + "'");
        }
        return new EntityOrder(m.group(2).toLowerCase(Locale.ROOT), m.group(1).equals("asc"));
    }

    /** Parses {@code by-query}'s {@code orderField=<field>[,asc|desc]}. */
    public static EntityOrder parseOrderField(String value) {
        String[] parts = value.split(",");
        String field = parts[0].trim();
        String dir = parts.length > 1 ? parts[1].trim().toLowerCase(Locale.ROOT) : "asc";
        if (field.isEmpty() || parts.length > 2 || !(dir.equals("asc") || dir.equals("desc"))) {
            throw ServiceError.input("Invalid orderField '" + value + "', expected '<field>[,asc|desc]'");
        }
        return new EntityOrder(field.toLowerCase(Locale.ROOT), dir.equals("asc"));
    }
}
