package dev.scorecards.ingest.location;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;

/** The annotations a crawled entity gets from the file it was read from, as Backstage sets them. */
final class LocationAnnotations {
    private LocationAnnotations() {
    }

    /** Sets managed-by annotations (always overwritten) and, for url files, source/view/edit urls (given ones win). */
    static void annotate(ObjectNode metadata, String type, String file, String origin) {
        JsonNode existing = metadata.get("annotations");
        ObjectNode annotations = existing instanceof ObjectNode o ? o : metadata.putObject("annotations");
        annotations.put(LocationCrawler.MANAGED_BY, type + ":" + file);
        annotations.put(LocationCrawler.ORIGIN, origin);
        if (type.equals("url")) {
            String dir = file.substring(0, file.lastIndexOf('/') + 1);
            if (!annotations.has(LocationCrawler.SOURCE_LOCATION)) {
                annotations.put(LocationCrawler.SOURCE_LOCATION, "url:" + dir);
            }
            if (!annotations.has(LocationCrawler.VIEW_URL)) {
                annotations.put(LocationCrawler.VIEW_URL, file);
            }
            if (!annotations.has(LocationCrawler.EDIT_URL) && file.contains("/blob/") && !file.matches(".*/[0-9a-f]{40}/.*")) {
                annotations.put(LocationCrawler.EDIT_URL, file.replaceFirst("/blob/", "/edit/"));
            }
        }
    }

    static boolean sameHost(String a, String b) {
        try {
            return URI.create(a).getHost().equalsIgnoreCase(URI.create(b).getHost());
        } catch (RuntimeException e) {
            return false;
        }
    }
}
