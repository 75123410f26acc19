package dev.scorecards;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The JVM settings of a service started without flags: k8s/'s, and its native-memory trim where the JVM has it. */
class HeapDefaultTest {
    /** The collector and its sizing options, as each place that spells out k8s/'s settings writes them. */
    private static final Pattern COLLECTOR = Pattern.compile(
            "-XX:(\\+UseParallelGC|NewRatio=\\d+|MinHeapFreeRatio=\\d+|MaxHeapFreeRatio=\\d+|GCTimeRatio=\\d+"
                    + "|AdaptiveSizePolicyWeight=\\d+)");
    /** C2's inlining limits, wherever they are written. */
    private static final Pattern INLINING = Pattern.compile("-XX:(FreqInlineSize=\\d+|InlineSmallCode=\\d+)");

    @Test
    void onlyJdksThatHaveTheOptionOnLinuxTrimTheirNativeHeap() {
        List<String> versions = List.of("17.0.8", "17.0.9", "17.0.15", "21", "21.0.1", "22", "25.0.3");
        assertEquals(List.of(false, true, true, false, true, true, true), versions.stream()
                .map(v -> HeapDefault.trimsNativeHeap(Runtime.Version.parse(v), "Linux")).toList());
        assertEquals(false, HeapDefault.trimsNativeHeap(Runtime.Version.parse("25.0.3"), "Mac OS X"));
    }

    /**
     * k8s/, the image, README's two commands, the AOT training and the catalog benchmark run the collector and
     * inlining settings the relaunch gives.
     */
    @Test
    void everyPlaceThatSpellsOutTheSettingsUsesTheRelaunchsCollectorAndInliningSettings() throws IOException {
        String relaunchFlags = String.join(" ", HeapDefault.flags(List.of(), List.of(), 8192));
        List<String> relaunch = collector(relaunchFlags);
        List<String> inlining = options(INLINING, relaunchFlags);
        assertEquals(List.of("FreqInlineSize=100", "InlineSmallCode=1000"), inlining);
        assertEquals(List.of("+UseParallelGC", "NewRatio=1", "MinHeapFreeRatio=10", "MaxHeapFreeRatio=20",
                "GCTimeRatio=4", "AdaptiveSizePolicyWeight=90"), relaunch);
        for (String file : List.of("k8s/base/deployment.yaml", "src/main/docker/Dockerfile.jvm",
                "tools/aot-train.sh", "src/test/java/dev/scorecards/bench/CatalogBenchmark.java")) {
            assertEquals(relaunch, collector(Files.readString(Path.of(file))), file);
            assertEquals(inlining, options(INLINING, Files.readString(Path.of(file))), file);
        }
        StringBuilder commands = new StringBuilder(); // README's code blocks: its prose names options too
        Matcher block = Pattern.compile("(?ms)^```bash\n(.*?)^```").matcher(Files.readString(Path.of("README.md")));
        while (block.find()) {
            commands.append(block.group(1));
        }
        assertEquals(Collections.nCopies(2, relaunch).stream().flatMap(List::stream).toList(),
                collector(commands.toString()), "README.md's two run commands");
        assertEquals(Collections.nCopies(2, inlining).stream().flatMap(List::stream).toList(),
                options(INLINING, commands.toString()), "README.md's two run commands");
        // a collector the command line chose is kept, with none of these options
        List<String> chosen = HeapDefault.flags(List.of("-XX:+UseG1GC"), List.of(), 8192);
        assertEquals(List.of(), collector(String.join(" ", chosen)));
        assertEquals(inlining, options(INLINING, String.join(" ", chosen)));
        // an inlining limit the command line set is kept, with neither of these
        for (String own : List.of("-XX:InlineSmallCode=2500", "-XX:FreqInlineSize=325")) {
            String flags = String.join(" ", HeapDefault.flags(List.of(own), List.of(), 8192));
            assertEquals(List.of(), options(INLINING, flags), own);
        }
    }

    private static List<String> collector(String text) {
        return options(COLLECTOR, text);
    }

    private static List<String> options(Pattern option, String text) {
        List<String> out = new java.util.ArrayList<>();
        Matcher m = option.matcher(text);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}
