package dev.scorecards.ops;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * {@code k8s/}: the base and the production overlay, rendered by the real Kustomize, fit the
 * service: probes hit endpoints it serves, the port is its HTTP port, every environment variable
 * is a setting it reads at run time, and the pods are replicated, disruption-safe and locked down.
 */
@QuarkusTest
class KubernetesManifestsTest {
    private static final Manifests BASE = Manifests.render("k8s/base");
    private static final Manifests PRODUCTION = Manifests.render("k8s/overlays/production");
    private static final List<Manifests> BOTH = List.of(BASE, PRODUCTION);

    /** Read by the container image (run-java.sh, glibc), not by the application. */
    private static final Set<String> IMAGE_SETTINGS = Set.of("JAVA_MAX_MEM_RATIO", "JAVA_OPTS_APPEND", "MALLOC_ARENA_MAX");

    @Test
    void probesUseTheHealthEndpointsTheServiceAnswers() {
        for (Manifests m : BOTH) {
            JsonNode c = m.container();
            assertEquals("/q/health/started", c.path("startupProbe").path("httpGet").path("path").asText(), m.dir);
            assertEquals("/q/health/ready", c.path("readinessProbe").path("httpGet").path("path").asText(), m.dir);
            assertEquals("/q/health/live", c.path("livenessProbe").path("httpGet").path("path").asText(), m.dir);
            for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
                assertEquals("http", c.path(probe).path("httpGet").path("port").asText(), m.dir + " " + probe);
            }
            // the datasource readiness check may wait the pool's acquisition timeout when the pool is
            // busy: the probe must wait longer, else a loaded pool makes every replica unready together
            java.time.Duration acquisition = ConfigProvider.getConfig()
                    .getValue("quarkus.datasource.jdbc.acquisition-timeout", java.time.Duration.class);
            assertEquals(java.time.Duration.ofSeconds(5), acquisition);
            assertEquals(8, c.path("readinessProbe").path("timeoutSeconds").asInt(), m.dir);
            assertTrue(c.path("readinessProbe").path("timeoutSeconds").asInt() > acquisition.toSeconds(), m.dir);
        }
        for (String path : List.of("/q/health/started", "/q/health/ready", "/q/health/live")) {
            given().get(path).then().statusCode(200).body("status", equalTo("UP"));
        }
    }

    @Test
    void theContainerPortIsTheServicesDefaultHttpPort() {
        // application.properties: quarkus.http.port=${PORT:8080} (the tests themselves run on another port)
        String raw = applicationProperties().getProperty("quarkus.http.port");
        Matcher m = Pattern.compile("^\\$\\{PORT:(\\d+)}$").matcher(raw);
        assertTrue(m.matches(), "quarkus.http.port is " + raw);
        int port = Integer.parseInt(m.group(1));
        assertEquals(8080, port);
        for (Manifests k : BOTH) {
            JsonNode ports = k.container().path("ports");
            assertEquals(1, ports.size(), k.dir);
            assertEquals("http", ports.get(0).path("name").asText(), k.dir);
            assertEquals(port, ports.get(0).path("containerPort").asInt(), k.dir);
            assertEquals(null, k.env("PORT"), k.dir + ": PORT must not move the service off its container port");
            JsonNode service = k.one("Service").path("spec");
            assertEquals("http", service.path("ports").get(0).path("targetPort").asText(), k.dir);
            assertEquals(k.one("Deployment").path("spec").path("selector").path("matchLabels"),
                    service.path("selector"), k.dir);
            assertEquals(String.valueOf(port), k.one("Deployment").path("spec").path("template").path("metadata")
                    .path("annotations").path("prometheus.io/port").asText(), k.dir);
            assertEquals("/q/metrics", k.one("Deployment").path("spec").path("template").path("metadata")
                    .path("annotations").path("prometheus.io/path").asText(), k.dir);
            JsonNode ingress = k.one("NetworkPolicy").path("spec").path("ingress");
            assertEquals(1, ingress.size(), k.dir);
            assertEquals(port, ingress.get(0).path("ports").get(0).path("port").asInt(), k.dir);
        }
        given().get("/q/metrics").then().statusCode(200);
    }

    @Test
    void everyEnvironmentVariableIsASettingTheServiceReadsAtRunTime() throws IOException {
        Map<String, String[]> quarkus = quarkusSettings();
        Set<String> own = ownSettings();
        for (Manifests m : BOTH) {
            Set<String> names = new TreeSet<>();
            m.container().path("env").forEach(e -> names.add(e.path("name").asText()));
            for (JsonNode from : m.container().path("envFrom")) {
                String name = from.path("configMapRef").path("name").asText();
                assertFalse(name.isEmpty(), m.dir + ": envFrom only takes the ConfigMap");
                m.named("ConfigMap", name).path("data").fieldNames().forEachRemaining(names::add);
            }
            List<String> unknown = new ArrayList<>();
            for (String name : names) {
                String[] setting = quarkus.get(name);
                if (setting != null) {
                    assertEquals("RUN_TIME", setting[1], m.dir + ": " + name + " (" + setting[0]
                            + ") is fixed when the application is built; the Deployment cannot change it");
                    assertEquals("", setting[2], m.dir + ": " + name + " (" + setting[0] + ") is deprecated");
                } else if (!own.contains(name) && !IMAGE_SETTINGS.contains(name) && !backstageSource(name)) {
                    unknown.add(name);
                }
            }
            assertEquals(List.of(), unknown, m.dir + ": environment variables the service does not read");
        }
        // the ones operators set most, spelled out
        assertEquals("quarkus.datasource.jdbc.url", quarkus.get("QUARKUS_DATASOURCE_JDBC_URL")[0]);
        assertEquals("quarkus.oidc.auth-server-url", quarkus.get("QUARKUS_OIDC_AUTH_SERVER_URL")[0]);
        assertEquals("quarkus.oidc.roles.role-claim-path", quarkus.get("QUARKUS_OIDC_ROLES_ROLE_CLAIM_PATH")[0]);
        assertEquals("quarkus.log.console.json.enabled", quarkus.get("QUARKUS_LOG_CONSOLE_JSON_ENABLED")[0]);
        assertEquals("deprecated", quarkus.get("QUARKUS_LOG_CONSOLE_JSON")[2]);
        assertTrue(own.containsAll(Set.of("SCORECARDS_EXAMPLES_LOAD", "SCORECARDS_LOG_JSON",
                "SCORECARDS_AUTH_READS", "SCORECARDS_AUTH_ROLES_CLAIM", "PORT")), own.toString());
        // scorecards.backstage.<name>.* is a map: its names exist only once configured
        assertTrue(backstageSource("SCORECARDS_BACKSTAGE_MAIN_BASE_URL"));
        assertTrue(backstageSource("SCORECARDS_BACKSTAGE_MAIN_TOKEN"));
        assertTrue(backstageSource("SCORECARDS_BACKSTAGE_PROD2_CLIENT_SECRET"));
        assertFalse(backstageSource("SCORECARDS_BACKSTAGE_MAIN_PASSWORD"));
        assertFalse(backstageSource("SCORECARDS_BACKSTAGE_BASE_URL"));
    }

    @Test
    void productionPullsBackstageThroughTheAllowListAndTheEgressRuleWithATokenFromASecret() {
        String base = PRODUCTION.env("SCORECARDS_BACKSTAGE_MAIN_BASE_URL");
        assertEquals("http://backstage.backstage.svc.cluster.local:7007", base);
        java.net.URI uri = java.net.URI.create(base);
        // a bare host allows the ports 80 and 443 only: Backstage's port is listed with it
        assertTrue(List.of(PRODUCTION.env("SCORECARDS_LOCATIONS_ALLOWED_HOSTS").split(","))
                .contains(uri.getHost() + ":" + uri.getPort()), "the pull only reaches allowed hosts and ports");
        JsonNode rule = StreamSupport.stream(PRODUCTION.one("NetworkPolicy").path("spec").path("egress").spliterator(),
                false).filter(r -> r.path("ports").get(0).path("port").asInt() == uri.getPort()).findFirst()
                .orElseThrow(() -> new AssertionError("no egress rule for Backstage's port " + uri.getPort()));
        assertEquals("backstage", rule.path("to").get(0).path("namespaceSelector").path("matchLabels")
                .path("kubernetes.io/metadata.name").asText());
        JsonNode token = secretRef(PRODUCTION, "SCORECARDS_BACKSTAGE_MAIN_TOKEN");
        assertEquals("SCORECARDS_BACKSTAGE_MAIN_TOKEN", token.path("key").asText());
        assertEquals("CHANGE-ME-not-a-real-token", decode(PRODUCTION.named("Secret", token.path("name").asText()),
                "SCORECARDS_BACKSTAGE_MAIN_TOKEN"));
        assertEquals(null, BASE.env("SCORECARDS_BACKSTAGE_MAIN_BASE_URL"), "the base pulls from no Backstage");
    }

    @Test
    void theDatabaseComesFromASecretSoTheEmbeddedOneNeverStarts() {
        // EmbeddedDatabase starts only when QUARKUS_DATASOURCE_JDBC_URL (quarkus.datasource.jdbc.url) is unset
        for (Manifests m : BOTH) {
            for (String name : List.of("QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_USERNAME",
                    "QUARKUS_DATASOURCE_PASSWORD")) {
                JsonNode ref = secretRef(m, name);
                assertTrue(ref.path("name").asText().startsWith("capability-scorecards-db"), m.dir + " " + name);
                assertEquals(name, ref.path("key").asText(), m.dir);
                assertFalse(ref.path("optional").asBoolean(false), m.dir + ": " + name + " must be required");
            }
        }
        assertEquals(List.of(), BASE.all("Secret"), "the base holds no secret values");
        JsonNode url = secretRef(PRODUCTION, "QUARKUS_DATASOURCE_JDBC_URL");
        JsonNode secret = PRODUCTION.named("Secret", url.path("name").asText());
        String jdbc = decode(secret, "QUARKUS_DATASOURCE_JDBC_URL");
        assertTrue(jdbc.startsWith("jdbc:postgresql://CHANGE-ME"), jdbc);
        assertTrue(decode(secret, "QUARKUS_DATASOURCE_PASSWORD").startsWith("CHANGE-ME"), "placeholder password");
        JsonNode oidc = secretRef(PRODUCTION, "QUARKUS_OIDC_CREDENTIALS_SECRET");
        assertTrue(decode(PRODUCTION.named("Secret", oidc.path("name").asText()), "QUARKUS_OIDC_CREDENTIALS_SECRET")
                .startsWith("CHANGE-ME"));
    }

    @Test
    void productionTurnsOidcOnAndDeploysAVersionedImage() {
        JsonNode config = PRODUCTION.named("ConfigMap", "capability-scorecards-config").path("data");
        assertEquals("true", config.path("QUARKUS_OIDC_TENANT_ENABLED").asText());
        assertTrue(config.path("QUARKUS_OIDC_AUTH_SERVER_URL").asText().startsWith("https://"), config.toString());
        assertEquals("capability-scorecards", config.path("QUARKUS_OIDC_CLIENT_ID").asText());
        assertEquals("public", config.path("SCORECARDS_AUTH_READS").asText());
        assertEquals("realm_access/roles", config.path("SCORECARDS_AUTH_ROLES_CLAIM").asText());
        assertEquals("false", config.path("SCORECARDS_EXAMPLES_LOAD").asText());
        assertEquals("false", BASE.named("ConfigMap", "capability-scorecards-config").path("data")
                .path("QUARKUS_OIDC_TENANT_ENABLED").asText());
        assertEquals("capability-scorecards:0.1.0", BASE.container().path("image").asText());
        assertEquals("registry.example.com/platform/capability-scorecards:0.1.0",
                PRODUCTION.container().path("image").asText());
        for (JsonNode o : PRODUCTION.objects) {
            if (!o.path("kind").asText().equals("Namespace")) {
                assertEquals("capability-scorecards", o.path("metadata").path("namespace").asText(),
                        o.path("kind").asText());
            }
        }
        assertEquals("restricted", PRODUCTION.one("Namespace").path("metadata").path("labels")
                .path("pod-security.kubernetes.io/enforce").asText());
    }

    @Test
    void twoOrMoreReplicasSurviveDisruptions() {
        for (Manifests m : BOTH) {
            JsonNode deployment = m.one("Deployment");
            assertEquals(2, deployment.path("spec").path("replicas").asInt(), m.dir);
            assertEquals(0, deployment.path("spec").path("strategy").path("rollingUpdate").path("maxUnavailable")
                    .asInt(), m.dir);
            JsonNode hpa = m.one("HorizontalPodAutoscaler").path("spec");
            assertTrue(hpa.path("minReplicas").asInt() >= 2, m.dir + ": HPA minReplicas " + hpa.path("minReplicas"));
            assertTrue(hpa.path("maxReplicas").asInt() >= hpa.path("minReplicas").asInt(), m.dir);
            assertEquals("Deployment", hpa.path("scaleTargetRef").path("kind").asText(), m.dir);
            assertEquals(deployment.path("metadata").path("name"), hpa.path("scaleTargetRef").path("name"), m.dir);
            JsonNode pdb = m.one("PodDisruptionBudget").path("spec");
            assertEquals(1, pdb.path("minAvailable").asInt(), m.dir);
            JsonNode podLabels = deployment.path("spec").path("template").path("metadata").path("labels");
            pdb.path("selector").path("matchLabels").fields().forEachRemaining(
                    l -> assertEquals(l.getValue(), podLabels.path(l.getKey()), m.dir + ": PDB selector"));
        }
    }

    @Test
    void podsRunAsNonRootOnAReadOnlyFilesystemWithoutPrivileges() {
        for (Manifests m : BOTH) {
            JsonNode pod = m.one("Deployment").path("spec").path("template").path("spec");
            assertTrue(pod.path("securityContext").path("runAsNonRoot").asBoolean(), m.dir);
            assertEquals(185, pod.path("securityContext").path("runAsUser").asInt(), m.dir);
            assertEquals("RuntimeDefault", pod.path("securityContext").path("seccompProfile").path("type").asText());
            assertFalse(pod.path("automountServiceAccountToken").asBoolean(true), m.dir);
            JsonNode sc = m.container().path("securityContext");
            assertFalse(sc.path("allowPrivilegeEscalation").asBoolean(true), m.dir);
            assertTrue(sc.path("readOnlyRootFilesystem").asBoolean(), m.dir);
            assertEquals("[\"ALL\"]", sc.path("capabilities").path("drop").toString(), m.dir);
            assertFalse(sc.path("capabilities").has("add"), m.dir);
            JsonNode tmp = StreamSupport.stream(m.container().path("volumeMounts").spliterator(), false)
                    .filter(v -> v.path("mountPath").asText().equals("/tmp")).findFirst()
                    .orElseThrow(() -> new AssertionError(m.dir + ": no volume at /tmp"));
            JsonNode volume = StreamSupport.stream(pod.path("volumes").spliterator(), false)
                    .filter(v -> v.path("name").equals(tmp.path("name"))).findFirst().orElseThrow();
            assertTrue(volume.has("emptyDir"), m.dir);
            // on disk, not in memory (which would count against the 768Mi limit); room for a pull's pages
            assertFalse(volume.path("emptyDir").has("medium"), m.dir);
            assertEquals("1Gi", volume.path("emptyDir").path("sizeLimit").asText(), m.dir);
        }
    }

    @Test
    void memoryIsSizedAsMeasured() {
        for (Manifests m : BOTH) {
            JsonNode resources = m.container().path("resources");
            assertEquals("768Mi", resources.path("limits").path("memory").asText(), m.dir);
            assertEquals("512Mi", resources.path("requests").path("memory").asText(), m.dir);
            assertEquals("50", m.env("JAVA_MAX_MEM_RATIO"), m.dir);
            assertTrue(m.env("JAVA_OPTS_APPEND").contains("-XX:MaxRAMPercentage=50 "), m.env("JAVA_OPTS_APPEND"));
            assertTrue(m.env("JAVA_OPTS_APPEND").contains("-XX:+ExitOnOutOfMemoryError"), m.dir);
            assertEquals("2", m.env("MALLOC_ARENA_MAX"), m.dir);
        }
    }

    @Test
    void networkPolicyLetsOutOnlyDnsPostgresqlHttpsAndBackstage() {
        for (Manifests m : BOTH) {
            JsonNode policy = m.one("NetworkPolicy").path("spec");
            assertEquals("[\"Ingress\",\"Egress\"]", policy.path("policyTypes").toString(), m.dir);
            assertEquals(m.one("Deployment").path("spec").path("selector").path("matchLabels"),
                    policy.path("podSelector").path("matchLabels"), m.dir);
            Set<String> egress = new TreeSet<>();
            policy.path("egress").forEach(rule -> rule.path("ports").forEach(
                    p -> egress.add(p.path("protocol").asText() + "/" + p.path("port").asText())));
            assertEquals(Set.of("UDP/53", "TCP/53", "TCP/5432", "TCP/443", "TCP/7007"), egress, m.dir);
        }
        // production names the destinations
        PRODUCTION.one("NetworkPolicy").path("spec").path("egress").forEach(rule -> {
            boolean dns = rule.path("ports").get(0).path("port").asInt() == 53;
            assertEquals(!dns, rule.has("to"), rule.toString());
        });
    }

    /**
     * Whether {@code env} is a setting of a live Backstage source, {@code scorecards.backstage.<name>.<setting>}
     * ({@code ingest/BackstageConfig}) with a name of letters and digits: SCORECARDS_BACKSTAGE_MAIN_TOKEN.
     */
    private static boolean backstageSource(String env) {
        for (java.lang.reflect.Method m : dev.scorecards.ingest.backstage.BackstageConfig.Source.class.getMethods()) {
            String setting = m.getName().replaceAll("([A-Z])", "_$1").toUpperCase(Locale.ROOT);
            if (env.matches("SCORECARDS_BACKSTAGE_[A-Z0-9]+_" + setting)) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode secretRef(Manifests m, String env) {
        for (JsonNode e : m.container().path("env")) {
            if (e.path("name").asText().equals(env)) {
                JsonNode ref = e.path("valueFrom").path("secretKeyRef");
                assertFalse(ref.isMissingNode(), m.dir + ": " + env + " must come from a Secret");
                return ref;
            }
        }
        throw new AssertionError(m.dir + ": the Deployment does not set " + env);
    }

    private static java.util.Properties applicationProperties() {
        java.util.Properties p = new java.util.Properties();
        try (InputStream in = Thread.currentThread().getContextClassLoader()
                .getResourceAsStream("application.properties")) {
            p.load(in);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return p;
    }

    private static String decode(JsonNode secret, String key) {
        return new String(Base64.getMimeDecoder().decode(secret.path("data").path(key).asText()), StandardCharsets.UTF_8);
    }

    /** Environment variable → {property, phase, deprecated or not} of every setting the Quarkus extensions on the class path document. */
    private static Map<String, String[]> quarkusSettings() throws IOException {
        Map<String, String[]> settings = new TreeMap<>();
        ObjectMapper json = new ObjectMapper();
        Enumeration<URL> models = Thread.currentThread().getContextClassLoader()
                .getResources("META-INF/quarkus-config-doc/quarkus-config-model.json");
        while (models.hasMoreElements()) {
            try (InputStream in = models.nextElement().openStream()) {
                collect(json.readTree(in), settings);
            }
        }
        assertTrue(settings.size() > 500, "documented Quarkus settings found: " + settings.size());
        return settings;
    }

    private static void collect(JsonNode node, Map<String, String[]> into) {
        JsonNode path = node.path("path");
        if (path.has("environmentVariable")) {
            into.put(path.get("environmentVariable").asText(),
                    new String[] {path.path("property").asText(), node.path("phase").asText(),
                            node.has("deprecation") ? "deprecated" : ""});
        }
        node.forEach(child -> collect(child, into));
    }

    /**
     * The service's own settings as environment variables: every {@code scorecards.*} property it
     * knows, plus the variables application.properties reads directly ({@code ${PORT:8080}}).
     */
    private static Set<String> ownSettings() {
        Set<String> names = new TreeSet<>();
        for (String p : ConfigProvider.getConfig().getPropertyNames()) {
            if (p.startsWith("scorecards.")) {
                names.add(p.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_"));
            }
        }
        java.util.Properties properties = applicationProperties();
        Pattern variable = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(:[^}]*)?}");
        for (String p : properties.stringPropertyNames()) {
            Matcher m = variable.matcher(properties.getProperty(p));
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }
}
