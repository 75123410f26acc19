package dev.scorecards.scoring;

import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compiles and runs check expressions with CEL (Common Expression Language): side-effect free, with
 * bounded cost. Expressions see {@code entity}, {@code facts} and {@code relations}.
 */
public final class CelChecks {
    private static final Pattern FACT = Pattern.compile(
            "facts\\s*(?:\\.\\s*([A-Za-z_][A-Za-z0-9_]*)|\\[\\s*['\"]([^'\"]+)['\"]\\s*])");
    private static final Pattern GUARDED = Pattern.compile(
            "has\\(\\s*facts\\s*\\.\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*\\)|['\"]([^'\"]+)['\"]\\s+in\\s+facts");

    private static final Cel CEL = CelFactory.standardCelBuilder()
            .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
            .setOptions(CelOptions.current().maxExpressionCodePointSize(4096).maxParseRecursionDepth(64)
                    .comprehensionMaxIterations(100_000).build())
            .addVar("entity", MapType.create(SimpleType.STRING, SimpleType.DYN))
            .addVar("facts", MapType.create(SimpleType.STRING, SimpleType.DYN))
            .addVar("relations", ListType.create(SimpleType.DYN))
            .build();

    private CelChecks() {
    }

    /** A compiled boolean expression. */
    public static final class Program {
        private final CelRuntime.Program program;

        private Program(CelRuntime.Program program) {
            this.program = program;
        }

        Object eval(Map<String, Object> variables) throws CelEvaluationException {
            return program.eval(variables);
        }
    }

    /**
     * Parses and type-checks a boolean expression.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static Program compile(String expression) {
        try {
            CelAbstractSyntaxTree ast = CEL.compile(expression).getAst();
            var type = ast.getResultType();
            if (!type.equals(SimpleType.BOOL) && !type.equals(SimpleType.DYN)) {
                throw new IllegalArgumentException("the expression gives " + type.name() + ", not a boolean");
            }
            return new Program(CEL.createProgram(ast));
        } catch (CelValidationException e) {
            throw new IllegalArgumentException(e.getMessage().lines().findFirst().orElse(e.getMessage()));
        } catch (dev.cel.common.CelException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
    }

    /** The fact names an expression reads without guarding them with {@code has()} or {@code in}. */
    public static Set<String> requiredFacts(String expression) {
        Set<String> guarded = new LinkedHashSet<>();
        Matcher g = GUARDED.matcher(expression);
        while (g.find()) {
            guarded.add(g.group(1) != null ? g.group(1) : g.group(2));
        }
        Set<String> out = new LinkedHashSet<>();
        Matcher m = FACT.matcher(expression);
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(2);
            if (!guarded.contains(name)) {
                out.add(name);
            }
        }
        return out;
    }

    /** Every fact name an expression mentions, guarded or not (what a reader of its result wants to see). */
    public static Set<String> mentionedFacts(String expression) {
        Set<String> out = new LinkedHashSet<>();
        for (Pattern p : new Pattern[] {FACT, GUARDED}) {
            Matcher m = p.matcher(expression);
            while (m.find()) {
                out.add(m.group(1) != null ? m.group(1) : m.group(2));
            }
        }
        return out;
    }
}
