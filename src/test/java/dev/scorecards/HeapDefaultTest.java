package dev.scorecards;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which JVMs get the native-memory trim k8s/ gives: Linux, and a JDK that has the option. */
class HeapDefaultTest {
    @Test
    void onlyJdksThatHaveTheOptionOnLinuxTrimTheirNativeHeap() {
        List<String> versions = List.of("17.0.8", "17.0.9", "17.0.15", "21", "21.0.1", "22", "25.0.3");
        assertEquals(List.of(false, true, true, false, true, true, true), versions.stream()
                .map(v -> HeapDefault.trimsNativeHeap(Runtime.Version.parse(v), "Linux")).toList());
        assertEquals(false, HeapDefault.trimsNativeHeap(Runtime.Version.parse("25.0.3"), "Mac OS X"));
    }
}
