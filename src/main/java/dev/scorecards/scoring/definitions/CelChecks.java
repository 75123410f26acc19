package dev.scorecards.scoring.definitions;

import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationException;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compiles and runs check expressions with CEL (Common Expression Language): side-effect free, with
 * bounded cost. Expressions see {@code entity}, {@code facts} and {@code relations}.
 */
public final class CelChecks {
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

    /** A compiled boolean expression, with the facts it reads, found in the same syntax tree. */
    public static final class Program {
        private final CelRuntime.Program program;
        private final Set<String> requiredFacts;
        private final Set<String> mentionedFacts;

        private Program(CelRuntime.Program program, FactUses uses) {
            this.program = program;
            this.requiredFacts = Collections.unmodifiableSet(uses.required());
            this.mentionedFacts = Collections.unmodifiableSet(uses.mentioned());
        }

        public Object eval(Map<String, Object> variables) throws CelEvaluationException {
            return program.eval(variables);
        }

        /** The fact names the expression reads without guarding them with {@code has()} or {@code in}. */
        public Set<String> requiredFacts() {
            return requiredFacts;
        }

        /** Every fact name the expression mentions, guarded or not (what a reader of its result wants to see). */
        public Set<String> mentionedFacts() {
            return mentionedFacts;
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
            return new Program(CEL.createProgram(ast), uses(ast));
        } catch (CelValidationException e) {
            throw new IllegalArgumentException(e.getMessage().lines().findFirst().orElse(e.getMessage()));
        } catch (dev.cel.common.CelException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
    }

    /** The facts an expression reads ({@code facts.x}, {@code facts['x']}) and those it tests ({@code has(facts.x)}, {@code 'x' in facts}). */
    private static final class FactUses {
        final Set<String> read = new LinkedHashSet<>();
        final Set<String> guarded = new LinkedHashSet<>();

        Set<String> required() {
            Set<String> out = new LinkedHashSet<>(read);
            out.removeAll(guarded);
            return out;
        }

        Set<String> mentioned() {
            Set<String> out = new LinkedHashSet<>(read);
            out.addAll(guarded);
            return out;
        }
    }

    /** Walks a compiled expression's syntax tree for its uses of {@code facts}. */
    private static FactUses uses(CelAbstractSyntaxTree ast) {
        FactUses uses = new FactUses();
        ArrayDeque<CelExpr> todo = new ArrayDeque<>(List.of(ast.getExpr()));
        while (!todo.isEmpty()) {
            CelExpr e = todo.pop();
            switch (e.getKind()) {
                case SELECT -> {
                    CelExpr.CelSelect select = e.select();
                    if (isFacts(select.operand())) {
                        (select.testOnly() ? uses.guarded : uses.read).add(select.field());
                    }
                    todo.push(select.operand());
                }
                case CALL -> {
                    CelExpr.CelCall call = e.call();
                    List<CelExpr> args = call.args();
                    if (args.size() == 2 && call.function().equals("_[_]") && isFacts(args.get(0))
                            && isString(args.get(1))) {
                        uses.read.add(args.get(1).constant().stringValue());
                    } else if (args.size() == 2 && call.function().equals("@in") && isFacts(args.get(1))
                            && isString(args.get(0))) {
                        uses.guarded.add(args.get(0).constant().stringValue());
                    }
                    for (int i = args.size() - 1; i >= 0; i--) {
                        todo.push(args.get(i));
                    }
                    call.target().ifPresent(todo::push);
                }
                case LIST -> e.list().elements().reverse().forEach(todo::push);
                case MAP -> e.map().entries().reverse().forEach(en -> {
                    todo.push(en.value());
                    todo.push(en.key());
                });
                case STRUCT -> e.struct().entries().reverse().forEach(en -> todo.push(en.value()));
                case COMPREHENSION -> {
                    CelExpr.CelComprehension c = e.comprehension();
                    List.of(c.result(), c.loopStep(), c.loopCondition(), c.accuInit(), c.iterRange()).forEach(todo::push);
                }
                default -> { }
            }
        }
        return uses;
    }

    private static boolean isFacts(CelExpr e) {
        return e.getKind() == CelExpr.ExprKind.Kind.IDENT && e.ident().name().equals("facts");
    }

    private static boolean isString(CelExpr e) {
        return e.getKind() == CelExpr.ExprKind.Kind.CONSTANT
                && e.constant().getKind() == dev.cel.common.ast.CelConstant.Kind.STRING_VALUE;
    }
}
