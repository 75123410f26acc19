package dev.scorecards.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import org.jboss.logmanager.ExtHandler;
import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.LogContext;
import org.jboss.logmanager.handlers.ConsoleHandler;
import org.junit.jupiter.api.Test;

/**
 * {@code SCORECARDS_LOG_JSON=true} makes the console write one JSON object per record (the
 * application restarts with that setting, so this class runs after the others).
 */
@QuarkusTest
@TestProfile(JsonLogsTest.JsonLogs.class)
class JsonLogsTest {
    public static class JsonLogs implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // the name operators set; application.properties maps it to quarkus.log.console.json.enabled
            return Map.of("SCORECARDS_LOG_JSON", "true");
        }
    }

    @Test
    void theConsoleWritesEachRecordAsOneJsonObject() throws Exception {
        List<ConsoleHandler> consoles = new ArrayList<>();
        collect(LogContext.getLogContext().getLogger("").getHandlers(), consoles);
        assertEquals(1, consoles.size(), "console handlers on the root logger");

        ExtLogRecord record = new ExtLogRecord(org.jboss.logmanager.Level.WARN, "Ingested %s: %d documents", ExtLogRecord.FormatStyle.PRINTF,
                JsonLogsTest.class.getName());
        record.setParameters(new Object[] {"push:team-a", 3});
        record.setLoggerName("dev.scorecards.ingest.source.SourceIngestion");
        String line = consoles.get(0).getFormatter().format(record);

        assertEquals(1, line.strip().lines().count(), line);
        JsonNode json = new ObjectMapper().readTree(line);
        assertEquals("Ingested push:team-a: 3 documents", json.path("message").asText(), line);
        assertEquals("WARN", json.path("level").asText(), line);
        assertEquals("dev.scorecards.ingest.source.SourceIngestion", json.path("loggerName").asText(), line);
        assertNotNull(json.get("timestamp"), line);
        assertTrue(json.has("threadName"), line);
    }

    private static void collect(Handler[] handlers, List<ConsoleHandler> into) {
        for (Handler h : handlers) {
            if (h instanceof ConsoleHandler c) {
                into.add(c);
            }
            if (h instanceof ExtHandler e) {
                collect(e.getHandlers(), into);
            }
        }
    }
}
