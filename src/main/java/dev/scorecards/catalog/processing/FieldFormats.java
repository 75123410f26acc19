package dev.scorecards.catalog.processing;

import java.util.function.Predicate;
import java.util.regex.Pattern;

/** Backstage's field-format validators (KubernetesValidatorFunctions, CommonValidatorFunctions), current versions. */
final class FieldFormats {
    private static final Pattern DNS_LABEL = Pattern.compile("^[a-z0-9]+(?:-+[a-z0-9]+)*$");
    private static final Pattern OBJECT_NAME = Pattern.compile("^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$");
    private static final Pattern KIND = Pattern.compile("^[a-zA-Z][a-z0-9A-Z]*$");
    private static final Pattern API_VERSION_SUFFIX = Pattern.compile("^[a-z0-9A-Z]+$");
    private static final Pattern TAG = Pattern.compile("^[a-z0-9:+#]+(-[a-z0-9:+#]+)*$");
    private static final Pattern URL_SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*):(.*)$", Pattern.DOTALL);

    private FieldFormats() {
    }

    static boolean dnsLabel(String v) {
        return v.length() >= 1 && v.length() <= 63 && DNS_LABEL.matcher(v).matches();
    }

    static boolean dnsSubdomain(String v) {
        if (v.isEmpty() || v.length() > 253) {
            return false;
        }
        for (String part : v.split("\\.", -1)) {
            if (!dnsLabel(part)) {
                return false;
            }
        }
        return true;
    }

    static boolean objectName(String v) {
        return v.length() >= 1 && v.length() <= 63 && OBJECT_NAME.matcher(v).matches();
    }

    static boolean kind(String v) {
        return v.length() >= 1 && v.length() <= 63 && KIND.matcher(v).matches();
    }

    static boolean apiVersion(String v) {
        return prefixAndOrSuffix(v, FieldFormats::dnsSubdomain,
                s -> s.length() >= 1 && s.length() <= 63 && API_VERSION_SUFFIX.matcher(s).matches());
    }

    static boolean labelOrAnnotationKey(String v) {
        return prefixAndOrSuffix(v, FieldFormats::dnsSubdomain, FieldFormats::objectName);
    }

    static boolean labelValue(String v) {
        return v.isEmpty() || objectName(v);
    }

    static boolean tag(String v) {
        return v.length() >= 1 && v.length() <= 63 && TAG.matcher(v).matches();
    }

    static boolean nonEmpty(String v) {
        return !v.trim().isEmpty();
    }

    /**
     * WHATWG {@code new URL(value)} accepts any absolute URL with a scheme; the special schemes
     * (http, https, ws, wss, ftp) also need a host.
     */
    static boolean url(String v) {
        var m = URL_SCHEME.matcher(v.strip());
        if (!m.matches()) {
            return false;
        }
        String scheme = m.group(1).toLowerCase(java.util.Locale.ROOT);
        String rest = m.group(2).replaceFirst("^[/\\\\]*", "");
        boolean special = switch (scheme) {
            case "http", "https", "ws", "wss", "ftp" -> true;
            default -> false;
        };
        return !special || (!rest.isEmpty() && !rest.startsWith("?") && !rest.startsWith("#"));
    }

    private static boolean prefixAndOrSuffix(String v, Predicate<String> prefix, Predicate<String> suffix) {
        String[] parts = v.split("/", -1);
        if (parts.length == 1) {
            return suffix.test(parts[0]);
        }
        return parts.length == 2 && prefix.test(parts[0]) && suffix.test(parts[1]);
    }
}
