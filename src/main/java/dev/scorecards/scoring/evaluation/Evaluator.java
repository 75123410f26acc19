package dev.scorecards.scoring.evaluation;

import dev.cel.runtime.CelEvaluationException;
import dev.scorecards.scoring.definitions.CelChecks;
import dev.scorecards.scoring.definitions.Check;
import dev.scorecards.scoring.definitions.Scorecard;
import dev.scorecards.scoring.definitions.ScorecardDefinitions;
import dev.scorecards.scoring.exemptions.Exemption;
import dev.scorecards.scoring.results.CheckResult;
import dev.scorecards.scoring.results.CheckState;
import dev.scorecards.scoring.results.NextStep;
import dev.scorecards.scoring.results.ScorecardResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Runs every scorecard over one capability: each check's state (applicability, missing facts,
 * errors and exemptions included), the weighted percentage, the level by the all-lower-levels rule,
 * and the next steps. The ladder is evaluated last, from the other scorecards' check states.
 */
@ApplicationScoped
public class Evaluator {
    private final ScorecardDefinitions definitions;

    @Inject
    Evaluator(ScorecardDefinitions definitions) {
        this.definitions = definitions;
    }

    /** What a check expression sees. */
    public record Inputs(Map<String, Object> entity, Map<String, Object> facts, List<Map<String, Object>> relations,
            Map<String, Exemption> exemptions) {
    }

    public List<ScorecardResult> evaluate(Inputs in, Instant now) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("entity", in.entity());
        variables.put("facts", in.facts());
        variables.put("relations", in.relations());
        Map<String, CheckResult> states = new HashMap<>();
        List<ScorecardResult> out = new ArrayList<>();
        List<Scorecard> order = new ArrayList<>(definitions.all());
        order.sort((a, b) -> Boolean.compare(a.ladder(), b.ladder()));
        for (Scorecard s : order) {
            List<CheckResult> results = new ArrayList<>();
            for (Check c : s.checks()) {
                CheckResult r = c.requires().isEmpty() ? run(c, variables, in.facts())
                        : fromRequirements(c, states);
                r = exempted(r, in.exemptions().get(c.id()), now);
                states.put(c.id(), r);
                results.add(r);
            }
            out.add(summarise(s, results, states));
        }
        out.sort((a, b) -> Integer.compare(indexOf(a.id()), indexOf(b.id())));
        return out;
    }

    private int indexOf(String scorecardId) {
        List<Scorecard> all = definitions.all();
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).id().equals(scorecardId)) {
                return all.get(i).ladder() ? -1 : i;
            }
        }
        return Integer.MAX_VALUE;
    }

    private CheckResult run(Check c, Map<String, Object> variables, Map<String, Object> facts) {
        try {
            CelChecks.Program filter = definitions.filter(c.id());
            if (filter != null) {
                CheckResult missing = missing(c, c.filterFacts(), facts);
                if (missing != null) {
                    return missing;
                }
                if (!Boolean.TRUE.equals(filter.eval(variables))) {
                    return result(c, CheckState.NOT_APPLICABLE, "does not apply: " + c.applies());
                }
            }
            CheckResult missing = missing(c, c.requiredFacts(), facts);
            if (missing != null) {
                return missing;
            }
            Object value = definitions.program(c.id()).eval(variables);
            if (!(value instanceof Boolean b)) {
                return result(c, CheckState.ERROR, "the expression gave " + value + ", not a boolean");
            }
            return result(c, b ? CheckState.PASS : CheckState.FAIL, describe(c, facts));
        } catch (CelEvaluationException e) {
            return result(c, CheckState.ERROR, e.getMessage());
        } catch (RuntimeException e) {
            return result(c, CheckState.ERROR, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /** NOT_REPORTED when one of these facts has no value, else null. */
    private static CheckResult missing(Check c, java.util.Set<String> needed, Map<String, Object> facts) {
        List<String> missing = needed.stream().filter(f -> !facts.containsKey(f)).sorted().toList();
        if (missing.isEmpty()) {
            return null;
        }
        return result(c, CheckState.NOT_REPORTED, (missing.size() == 1 ? "fact " : "facts ")
                + String.join(", ", missing) + (missing.size() == 1 ? " is" : " are") + " not reported");
    }

    /** The values of the facts a check read, e.g. {@code consumingTeamCount = 2}. */
    private static String describe(Check c, Map<String, Object> facts) {
        if (c.requiredFacts().isEmpty()) {
            return "";
        }
        return c.requiredFacts().stream().sorted().map(f -> f + " = " + facts.get(f))
                .collect(Collectors.joining(", "));
    }

    private CheckResult fromRequirements(Check c, Map<String, CheckResult> states) {
        List<String> failing = new ArrayList<>();
        for (String ref : c.requires()) {
            for (Check required : definitions.expand(ref)) {
                CheckResult r = states.get(required.id());
                if (r == null || !r.state().holds()) {
                    failing.add(required.id());
                }
            }
        }
        return failing.isEmpty() ? result(c, CheckState.PASS, "all of " + String.join(", ", c.requires()) + " hold")
                : result(c, CheckState.FAIL, "not yet: " + String.join(", ", failing));
    }

    private static CheckResult exempted(CheckResult r, Exemption e, Instant now) {
        if (e == null || !e.activeAt(now) || r.state() == CheckState.PASS || r.state() == CheckState.NOT_APPLICABLE) {
            return r;
        }
        return new CheckResult(r.id(), r.name(), r.description(), r.level(), r.weight(), CheckState.EXEMPT,
                "exempt" + (e.expiresAt() == null ? "" : " until " + e.expiresAt()) + " (" + e.author() + ": "
                        + e.reason() + "); otherwise " + r.state() + (r.reason().isEmpty() ? "" : ", " + r.reason()),
                r.remediation(), r.link());
    }

    private static CheckResult result(Check c, CheckState state, String reason) {
        return new CheckResult(c.id(), c.name(), c.description(), c.level(), c.weight(), state, reason,
                c.remediation(), c.link());
    }

    private ScorecardResult summarise(Scorecard s, List<CheckResult> results, Map<String, CheckResult> states) {
        double passed = 0;
        double counted = 0;
        for (CheckResult r : results) {
            if (r.state() == CheckState.EXEMPT || r.state() == CheckState.NOT_APPLICABLE) {
                continue;
            }
            counted += r.weight();
            if (r.state() == CheckState.PASS) {
                passed += r.weight();
            }
        }
        double percentage = counted == 0 ? 100.0 : Math.round(passed / counted * 1000) / 10.0;
        Map<Integer, List<CheckResult>> byLevel = new TreeMap<>();
        for (int i = 0; i < results.size(); i++) {
            byLevel.computeIfAbsent(s.checks().get(i).levelIndex(), k -> new ArrayList<>()).add(results.get(i));
        }
        int held = -1;
        for (int level = 0; level < s.levels().size(); level++) {
            List<CheckResult> at = byLevel.getOrDefault(level, List.of());
            if (at.stream().allMatch(r -> r.state().holds())) {
                held = level;
            } else {
                break;
            }
        }
        String next = held + 1 < s.levels().size() ? s.levels().get(held + 1) : null;
        List<NextStep> steps = new ArrayList<>();
        if (next != null) {
            Map<String, NextStep> unique = new LinkedHashMap<>();
            for (CheckResult r : byLevel.getOrDefault(held + 1, List.of())) {
                if (r.state().holds()) {
                    continue;
                }
                Check c = definitions.check(r.id());
                if (c.requires().isEmpty()) {
                    unique.putIfAbsent(r.id(), step(r));
                } else {
                    for (String ref : c.requires()) {
                        for (Check required : definitions.expand(ref)) {
                            CheckResult rr = states.get(required.id());
                            if (rr != null && !rr.state().holds()) {
                                unique.putIfAbsent(rr.id(), step(rr));
                            }
                        }
                    }
                }
            }
            steps.addAll(unique.values());
        }
        return new ScorecardResult(s.id(), s.name(), s.levels(), held < 0 ? null : s.levels().get(held), held, next,
                percentage, List.copyOf(results), List.copyOf(steps));
    }

    private static NextStep step(CheckResult r) {
        return new NextStep(r.id(), r.name(), r.state(), r.reason(), r.remediation(), r.link());
    }
}
