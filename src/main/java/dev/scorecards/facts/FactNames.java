package dev.scorecards.facts;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Names and types of the facts the service derives, read from the components of {@link DerivedFacts}
 * and {@link SignalFacts}: those records are the one place a derived fact is named. Pushed facts may
 * not use these names, and {@code facts/derived-facts.yaml} must describe exactly these with these types.
 */
public final class FactNames {
    /** Every derived fact's Tech Insights type ({@code integer}, {@code float}, {@code string}, {@code boolean}, {@code set}), in declaration order. */
    public static final Map<String, String> TYPES;

    private static final Method[] DERIVED = accessors(DerivedFacts.class);
    private static final Method[] SIGNALS = accessors(SignalFacts.class);

    static {
        Map<String, String> types = new LinkedHashMap<>();
        for (Class<?> c : List.of(DerivedFacts.class, SignalFacts.class)) {
            for (RecordComponent rc : c.getRecordComponents()) {
                types.put(rc.getName(), typeOf(rc.getType()));
            }
        }
        TYPES = Collections.unmodifiableMap(types);
    }

    private FactNames() {
    }

    /** Whether a fact of this name is derived by the service (so it cannot be pushed). */
    public static boolean isDerived(String name) {
        return TYPES.containsKey(name);
    }

    /** The facts as CEL reads them: name → Boolean, Long, Double, String or List; null values left out. */
    public static Map<String, Object> asMap(DerivedFacts facts) {
        return put(new LinkedHashMap<>(), DERIVED, facts);
    }

    /** The signal facts as CEL reads them; facts not reported (null) are left out. */
    public static Map<String, Object> asMap(SignalFacts facts) {
        return put(new LinkedHashMap<>(), SIGNALS, facts);
    }

    private static Map<String, Object> put(Map<String, Object> out, Method[] accessors, Record facts) {
        for (Method m : accessors) {
            try {
                Object v = m.invoke(facts);
                if (v != null) {
                    out.put(m.getName(), v);
                }
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException(e);
            }
        }
        return out;
    }

    private static Method[] accessors(Class<? extends Record> type) {
        RecordComponent[] components = type.getRecordComponents();
        Method[] out = new Method[components.length];
        for (int i = 0; i < components.length; i++) {
            out[i] = components[i].getAccessor();
        }
        return out;
    }

    private static String typeOf(Class<?> javaType) {
        if (javaType == boolean.class || javaType == Boolean.class) {
            return "boolean";
        }
        if (javaType == long.class || javaType == Long.class) {
            return "integer";
        }
        if (javaType == double.class || javaType == Double.class) {
            return "float";
        }
        if (javaType == String.class) {
            return "string";
        }
        if (List.class.isAssignableFrom(javaType)) {
            return "set";
        }
        throw new IllegalStateException("No fact type for " + javaType);
    }
}
