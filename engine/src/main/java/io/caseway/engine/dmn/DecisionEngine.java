package io.caseway.engine.dmn;

import io.caseway.engine.expression.Json;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.SAXParserFactory;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.Definitions;
import org.camunda.dmn.Audit;
import org.camunda.dmn.DmnEngine;
import org.camunda.dmn.parser.ExpressionFailure;
import org.camunda.dmn.parser.ParsedContext;
import org.camunda.dmn.parser.ParsedDecision;
import org.camunda.dmn.parser.ParsedDecisionLogic;
import org.camunda.dmn.parser.ParsedDecisionTable;
import org.camunda.dmn.parser.ParsedDmn;
import org.camunda.dmn.parser.ParsedFunctionDefinition;
import org.camunda.dmn.parser.ParsedInvocation;
import org.camunda.dmn.parser.ParsedList;
import org.camunda.dmn.parser.ParsedLiteralExpression;
import org.camunda.dmn.parser.ParsedOutput;
import org.camunda.dmn.parser.ParsedRelation;
import org.camunda.dmn.parser.ParsedRule;
import org.camunda.feel.syntaxtree.ValError;
import org.camunda.feel.syntaxtree.ValFatalError;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;
import scala.util.Either;

/**
 * Parses and evaluates DMN decisions with dmn-scala, the engine Zeebe uses, and turns its Scala
 * results and audit log into plain JSON and Java records. Thread-safe; one instance per engine.
 *
 * <p>Behaviour worth knowing (it is dmn-scala's): a required decision's result is visible to the
 * decisions that require it under the required decision's id; a decision table whose rules do not
 * match yields {@code null} (output JSON {@code "null"}), also for COLLECT, with or without an
 * aggregation; an input referring to a missing variable is {@code null} rather than a failure; an
 * input entry that cannot compare with the input (a string against {@code > 10}) simply does not
 * match. Numbers come back as whole numbers or doubles ({@code 0.1}, {@code 49.5}); dates, times
 * and durations as ISO-8601 strings (see {@link Json}).
 */
public final class DecisionEngine {

  private final DmnEngine engine;
  private final DmnEngine lazyEngine;

  /** A decision engine whose FEEL {@code now()} uses the UTC system clock. */
  public DecisionEngine() {
    this(Clock.systemUTC());
  }

  /** A decision engine whose FEEL {@code now()} and {@code today()} read the given clock. */
  public DecisionEngine(Clock clock) {
    Objects.requireNonNull(clock, "clock");
    org.camunda.feel.FeelEngineClock feelClock =
        () -> ZonedDateTime.ofInstant(clock.instant(), clock.getZone());
    this.engine = new DmnEngine.Builder().clock(feelClock).build();
    // used only to locate the decision holding an invalid expression after a failed parse
    this.lazyEngine = new DmnEngine.Builder().clock(feelClock).lazyEvaluation(true).build();
  }

  // ---------------------------------------------------------------------------------------------
  // Parsing

  /**
   * Parses a DMN resource. A failure names the problem: the XML error with its line for malformed
   * XML, and for an invalid FEEL expression the library's message prefixed with the decision that
   * holds it (also given as {@link ParseResult#failedDecisionId()}).
   */
  public ParseResult parse(byte[] dmnXml) {
    if (dmnXml == null || dmnXml.length == 0) {
      return ParseResult.failed("Failed to parse DMN: the resource is empty", null);
    }
    Either<DmnEngine.Failure, ParsedDmn> parsed;
    try {
      parsed = engine.parse(new ByteArrayInputStream(dmnXml));
    } catch (RuntimeException e) {
      return ParseResult.failed(
          "Failed to parse DMN: " + e.getMessage() + xmlProblem(dmnXml), null);
    }
    if (parsed.isLeft()) {
      String message = parsed.swap().toOption().get().message();
      if (message.contains("Unable to parse model")) {
        return ParseResult.failed(message + xmlProblem(dmnXml), null);
      }
      String decisionId = decisionWithInvalidExpression(dmnXml);
      if (decisionId != null) {
        return ParseResult.failed(
            "Failed to parse decision '" + decisionId + "': " + message, decisionId);
      }
      return ParseResult.failed(message, null);
    }
    ParsedDmn dmn = parsed.toOption().get();
    Definitions definitions = dmn.model().getDefinitions();
    Map<String, ParsedDecision> byId = javaMap(dmn.decisionsById());
    List<DecisionInfo> decisions = new ArrayList<>();
    for (Decision decision : dmn.model().getModelElementsByType(Decision.class)) {
      if (byId.containsKey(decision.getId())) {
        decisions.add(new DecisionInfo(decision.getId(), decision.getName()));
      }
    }
    if (decisions.isEmpty()) {
      return ParseResult.failed(
          "Failed to parse DMN: the decision requirements graph '"
              + definitions.getId()
              + "' contains no decision",
          null);
    }
    return ParseResult.success(
        new ParsedDrg(
            definitions.getId(),
            definitions.getName(),
            definitions.getNamespace(),
            decisions,
            dmn));
  }

  /** Re-parses leniently, where invalid expressions are kept as failures, to find their decision. */
  private String decisionWithInvalidExpression(byte[] dmnXml) {
    try {
      Either<DmnEngine.Failure, ParsedDmn> lenient =
          lazyEngine.parse(new ByteArrayInputStream(dmnXml));
      if (lenient.isLeft()) {
        return null;
      }
      ParsedDmn dmn = lenient.toOption().get();
      for (Decision decision : dmn.model().getModelElementsByType(Decision.class)) {
        ParsedDecision parsed = javaMap(dmn.decisionsById()).get(decision.getId());
        if (parsed != null
            && containsExpressionFailure(
                parsed.logic(), Collections.newSetFromMap(new IdentityHashMap<>()))) {
          return parsed.id();
        }
      }
      for (Decision decision : dmn.model().getModelElementsByType(Decision.class)) {
        ParsedDecision parsed = javaMap(dmn.decisionsById()).get(decision.getId());
        if (parsed != null) {
          Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
          boolean[] found = {false};
          parsed
              .requiredBkms()
              .foreach(
                  bkm -> {
                    found[0] |= containsExpressionFailure(bkm, seen);
                    return null;
                  });
          if (found[0]) {
            return parsed.id();
          }
        }
      }
    } catch (RuntimeException e) {
      // best effort only
    }
    return null;
  }

  /** Walks dmn-scala's parsed structures (Scala products and collections), not into decisions. */
  private static boolean containsExpressionFailure(Object node, Set<Object> seen) {
    if (node == null || !seen.add(node)) {
      return false;
    }
    if (node instanceof ExpressionFailure) {
      return true;
    }
    if (node instanceof ParsedDecision) {
      return false;
    }
    if (node instanceof scala.collection.Iterable<?> iterable) {
      scala.collection.Iterator<?> it = iterable.iterator();
      while (it.hasNext()) {
        if (containsExpressionFailure(it.next(), seen)) {
          return true;
        }
      }
      return false;
    }
    if (node instanceof scala.Product product && isDmnNode(product)) {
      scala.collection.Iterator<Object> it = product.productIterator();
      while (it.hasNext()) {
        if (containsExpressionFailure(it.next(), seen)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean isDmnNode(Object node) {
    return node.getClass().getName().startsWith("org.camunda.dmn.")
        || node instanceof scala.Tuple2<?, ?>
        || node instanceof scala.Option<?>;
  }

  /** A line-numbered description of an XML syntax error, or "" if the XML is well-formed. */
  private static String xmlProblem(byte[] xml) {
    try {
      SAXParserFactory factory = SAXParserFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.newSAXParser().parse(new ByteArrayInputStream(xml), new DefaultHandler());
      return "";
    } catch (SAXParseException e) {
      return " (XML error at line "
          + e.getLineNumber()
          + ", column "
          + e.getColumnNumber()
          + ": "
          + e.getMessage()
          + ")";
    } catch (Exception e) {
      return e.getMessage() == null ? "" : " (" + e.getMessage() + ")";
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Evaluation

  /**
   * Evaluates a decision of a parsed DRG with the variables given as a JSON object text (null or
   * blank means no variables). Never throws.
   */
  public DecisionResult evaluate(ParsedDrg drg, String decisionId, String variablesJson) {
    Objects.requireNonNull(drg, "drg");
    String decisionName = drg.decision(decisionId).map(DecisionInfo::decisionName).orElse(null);
    Map<String, Object> variables;
    try {
      variables =
          variablesJson == null || variablesJson.isBlank()
              ? Map.of()
              : Json.fromJsonObject(variablesJson);
    } catch (IllegalArgumentException e) {
      return new DecisionResult(
          decisionId,
          decisionName,
          null,
          "Expected to evaluate decision '"
              + decisionId
              + "', but the variables are not a JSON object: "
              + e.getMessage(),
          decisionId,
          List.of());
    }
    ParsedDmn dmn = drg.handle();
    Either<DmnEngine.EvalFailure, DmnEngine.EvalResult> evaluated;
    try {
      evaluated = engine.eval(dmn, decisionId, variables);
    } catch (RuntimeException e) {
      return new DecisionResult(
          decisionId,
          decisionName,
          null,
          "Expected to evaluate decision '" + decisionId + "', but " + e,
          decisionId,
          List.of());
    }
    Map<String, ParsedDecision> byId = javaMap(dmn.decisionsById());
    if (evaluated.isLeft()) {
      DmnEngine.EvalFailure failure = evaluated.swap().toOption().get();
      List<EvaluatedDecision> decisions = evaluatedDecisions(failure.auditLog(), byId);
      String failedId = decisions.isEmpty() ? decisionId : decisions.getLast().decisionId();
      return new DecisionResult(
          decisionId,
          decisionName,
          null,
          "Expected to evaluate decision '"
              + decisionId
              + "', but failed to evaluate decision '"
              + failedId
              + "': "
              + failure.failure().message(),
          failedId,
          decisions);
    }
    DmnEngine.EvalResult result = evaluated.toOption().get();
    List<EvaluatedDecision> decisions = evaluatedDecisions(result.auditLog(), byId);
    ParsedDecision decision = byId.get(decisionId);
    Object output = result.isNil() ? null : plain(result.value());
    if (decision != null && decision.logic() instanceof ParsedDecisionTable table) {
      output = orderByOutputs(output, table);
    }
    String outputJson;
    try {
      outputJson = Json.toJson(output);
    } catch (IllegalArgumentException e) {
      return new DecisionResult(
          decisionId,
          decisionName,
          null,
          "Expected to evaluate decision '" + decisionId + "', but its result " + e.getMessage(),
          decisionId,
          decisions);
    }
    return new DecisionResult(decisionId, decisionName, outputJson, null, null, decisions);
  }

  private static List<EvaluatedDecision> evaluatedDecisions(
      Audit.AuditLog log, Map<String, ParsedDecision> decisionsById) {
    List<EvaluatedDecision> result = new ArrayList<>();
    if (log == null) {
      return result;
    }
    log.entries()
        .foreach(
            entry -> {
              if (decisionsById.containsKey(entry.id())) {
                result.add(toEvaluatedDecision(entry));
              }
              return null;
            });
    return result;
  }

  private static EvaluatedDecision toEvaluatedDecision(Audit.AuditLogEntry entry) {
    ParsedDecisionLogic logic = entry.decisionLogic();
    List<EvaluatedInput> inputs = new ArrayList<>();
    List<MatchedRule> rules = new ArrayList<>();
    Object output = entry.result() == null ? null : plain(entry.result().result());
    if (logic instanceof ParsedDecisionTable table
        && entry.result() instanceof Audit.DecisionTableEvaluationResult tableResult) {
      tableResult
          .inputs()
          .foreach(
              input -> {
                inputs.add(
                    new EvaluatedInput(
                        input.input().id(), input.input().name(), jsonOf(input.value())));
                return null;
              });
      List<ParsedRule> allRules = javaList(table.rules());
      tableResult
          .matchedRules()
          .foreach(
              matched -> {
                List<EvaluatedOutput> outputs = new ArrayList<>();
                matched
                    .outputs()
                    .foreach(
                        out -> {
                          outputs.add(
                              new EvaluatedOutput(
                                  out.output().id(), out.output().name(), jsonOf(out.value())));
                          return null;
                        });
                rules.add(
                    new MatchedRule(
                        matched.rule().id(), ruleIndex(allRules, matched.rule()), outputs));
                return null;
              });
      output = orderByOutputs(output, table);
    }
    String outputJson;
    try {
      outputJson = Json.toJson(output);
    } catch (IllegalArgumentException e) {
      outputJson = "null";
    }
    return new EvaluatedDecision(
        entry.id(), entry.name(), decisionType(logic), outputJson, inputs, rules);
  }

  private static int ruleIndex(List<ParsedRule> rules, ParsedRule rule) {
    for (int i = 0; i < rules.size(); i++) {
      if (rules.get(i) == rule) {
        return i + 1;
      }
    }
    for (int i = 0; i < rules.size(); i++) {
      if (Objects.equals(rules.get(i).id(), rule.id())) {
        return i + 1;
      }
    }
    return 0;
  }

  /** The type names Zeebe reports for decisions. */
  static String decisionType(ParsedDecisionLogic logic) {
    if (logic instanceof ParsedDecisionTable) {
      return "DECISION_TABLE";
    } else if (logic instanceof ParsedLiteralExpression) {
      return "LITERAL_EXPRESSION";
    } else if (logic instanceof ParsedContext) {
      return "CONTEXT";
    } else if (logic instanceof ParsedList) {
      return "LIST";
    } else if (logic instanceof ParsedRelation) {
      return "RELATION";
    } else if (logic instanceof ParsedInvocation) {
      return "INVOCATION";
    } else if (logic instanceof ParsedFunctionDefinition) {
      return "FUNCTION_DEFINITION";
    }
    return "UNKNOWN";
  }

  /** A value as JSON; FEEL errors (a failed evaluation) become {@code null}. */
  private static String jsonOf(Object value) {
    try {
      return Json.toJson(plain(value));
    } catch (IllegalArgumentException e) {
      return "null";
    }
  }

  private static Object plain(Object value) {
    if (value instanceof ValError || value instanceof ValFatalError) {
      return null;
    }
    return Json.toPlain(value);
  }

  /** Puts the entries of a multi-output table's result in the table's output order. */
  private static Object orderByOutputs(Object value, ParsedDecisionTable table) {
    List<String> names = new ArrayList<>();
    table
        .outputs()
        .foreach(
            (ParsedOutput out) -> {
              names.add(out.name());
              return null;
            });
    if (names.size() < 2) {
      return value;
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> ordered = new LinkedHashMap<>();
      for (String name : names) {
        if (map.containsKey(name)) {
          ordered.put(name, map.get(name));
        }
      }
      map.forEach((k, v) -> ordered.putIfAbsent(String.valueOf(k), v));
      return ordered;
    }
    if (value instanceof List<?> list) {
      List<Object> items = new ArrayList<>(list.size());
      for (Object item : list) {
        items.add(orderByOutputs(item, table));
      }
      return items;
    }
    return value;
  }

  private static <K, V> Map<K, V> javaMap(scala.collection.Map<K, V> map) {
    return scala.jdk.javaapi.CollectionConverters.asJava(map);
  }

  private static <T> List<T> javaList(scala.collection.Iterable<T> iterable) {
    List<T> list = new ArrayList<>();
    iterable.foreach(
        item -> {
          list.add(item);
          return null;
        });
    return list;
  }
}
