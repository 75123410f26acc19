package dev.scorecards.api.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.Test;

/** How a JSON value reads in a CSV cell: decimals in plain notation, whatever their size. */
class CsvCellTextTest {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    @Test
    void decimalsArePlainNotScientific() {
        assertEquals("0.0001", CsvTable.text(F.numberNode(0.0001)));
        assertEquals("1.5", CsvTable.text(F.numberNode(1.50)));
        assertEquals("100.0", CsvTable.text(F.numberNode(100.0))); // as the JSON answer writes it
        assertEquals("12000000", CsvTable.text(F.numberNode(1.2e7)));
        assertEquals("12345678901234", CsvTable.text(F.numberNode(12345678901234L)));
        assertEquals("a;b", CsvTable.text(F.arrayNode().add("a").add("b")));
        assertEquals("", CsvTable.text(F.nullNode()));
    }
}
