package dev.autogenerate.codegen;

import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.autogenerate.changes.Change;
import dev.autogenerate.changes.ChangeGroup;
import dev.autogenerate.migration.Operations;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * Lays out {@code upgrade} and {@code downgrade} so that the class compiles at any size. Java
 * limits a method to 65,535 bytes of bytecode and a class to 65,535 constant-pool entries; a
 * first migration of a few hundred tables passes the first.
 *
 * <ul>
 *   <li>A direction whose steps fit in one method (by {@link CodeSize}'s estimate, within {@link
 *       Budget#methodCode}) is written as one method body, as every ordinary migration is.
 *   <li>A larger one calls one private method per group of changes (per table, sequence, type, or
 *       SQL statement), named by {@link StepMethodNames}, in order; a group too large for one
 *       method continues in {@code ...Part2}.
 *   <li>When those methods' literals would crowd the class's constant pool (thousands of tables),
 *       they go into nested classes {@code UpgradePart1}, {@code UpgradePart2}... each with a
 *       pool of its own, and {@code upgrade} calls each part's {@code run} in order.
 * </ul>
 */
final class MethodLayout {

  /**
   * How much one generated method and one generated class may hold, by {@link CodeSize}'s
   * estimate.
   *
   * @param methodCode bytes of bytecode per method (Java's limit is 65,535)
   * @param constantPool constant-pool entries per class (Java's limit is 65,535)
   */
  record Budget(int methodCode, int constantPool) {

    /**
     * The estimate is about twice what javac emits, so a method is split from some 28 KB of
     * bytecode (a hundred-odd new tables); a class holds at most 50,000 entries.
     */
    static final Budget JAVA = new Budget(60_000, 50_000);
  }

  /** Entries beyond the literals: the classes, members and descriptors the code names. */
  static final int CONSTANT_POOL_RESERVE = 1_000;
  /** A call of a step method: {@code aload_1}, {@code invokestatic}; exact, unlike the estimate. */
  private static final int CALL_BYTES = 4;
  /** Java's limit on a method's code, which a method of calls is held to directly. */
  private static final int METHOD_CODE_LIMIT = 65_535;
  /** Indentation levels of a method body in a nested part class: one more than the migration's. */
  private static final int NESTED_METHOD_BODY_DEPTH = MigrationWriter.METHOD_BODY_DEPTH + 1;
  /** A called method: its {@code Methodref}, {@code NameAndType} and name. */
  private static final int METHOD_ENTRIES = 3;
  private static final List<String> SPLIT_COMMENT = List.of(
      "One method per table, sequence, type or SQL statement, run in this order: in one method",
      "the steps would pass Java's limit of 64 KB of code per method.");
  private static final List<String> PARTS_COMMENT = List.of(
      "One method per table, sequence, type or SQL statement, run in this order, in nested",
      "classes: one class would pass Java's limits of 64 KB of code per method and 65,535",
      "constants per class.");

  /** One direction of the migration and the steps it runs. */
  record Direction(String name, String partPrefix, List<StepCode> steps, String emptyHint) {}

  /** A method running some steps of one direction. */
  private record StepMethod(String name, List<StepCode> steps) {}

  private final Budget budget;
  private final StatementProbe probe;
  private final Set<String> reserved;

  /**
   * @param budget what one method and one class may hold
   * @param probe renders statements the way the file will, to re-wrap them when nested deeper
   * @param reserved names a step method must not take (the statically imported factories)
   */
  MethodLayout(Budget budget, StatementProbe probe, Set<String> reserved) {
    this.budget = budget;
    this.probe = probe;
    this.reserved = reserved;
  }

  /** Adds {@code upgrade}, {@code downgrade} and whatever they are split into to {@code type}. */
  void addTo(TypeSpec.Builder type, String className, Direction upgrade, Direction downgrade) {
    boolean splitUpgrade = !fitsOneMethod(upgrade.steps());
    boolean splitDowngrade = !fitsOneMethod(downgrade.steps());
    if (!splitUpgrade && !splitDowngrade) {
      if (fitsOneClass(upgrade, List.of(), downgrade, List.of())) {
        type.addMethod(single(upgrade));
        type.addMethod(single(downgrade));
        return;
      }
      splitUpgrade = true;
      splitDowngrade = true;
    }
    Set<String> taken = new HashSet<>(reserved);
    taken.addAll(List.of("upgrade", "downgrade", "run", className));
    StepMethodNames names = new StepMethodNames(taken);
    List<StepMethod> upgradeMethods = splitUpgrade ? stepMethods(upgrade.steps(), names) : List.of();
    List<StepMethod> downgradeMethods = splitDowngrade ? stepMethods(downgrade.steps(), names) : List.of();
    if (fitsOneClass(upgrade, upgradeMethods, downgrade, downgradeMethods)) {
      type.addMethod(splitUpgrade ? caller(upgrade, upgradeMethods) : single(upgrade));
      type.addMethod(splitDowngrade ? caller(downgrade, downgradeMethods) : single(downgrade));
      upgradeMethods.forEach(method -> type.addMethod(stepMethod(method, MigrationWriter.METHOD_BODY_DEPTH)));
      downgradeMethods.forEach(method -> type.addMethod(stepMethod(method, MigrationWriter.METHOD_BODY_DEPTH)));
      return;
    }
    List<TypeSpec> upgradeParts = splitUpgrade ? parts(upgrade, nested(upgradeMethods), names) : List.of();
    List<TypeSpec> downgradeParts = splitDowngrade ? parts(downgrade, nested(downgradeMethods), names) : List.of();
    type.addMethod(splitUpgrade ? partsCaller(upgrade, upgradeParts) : single(upgrade));
    type.addMethod(splitDowngrade ? partsCaller(downgrade, downgradeParts) : single(downgrade));
    upgradeParts.forEach(type::addType);
    downgradeParts.forEach(type::addType);
  }

  /** Whether the steps' code fits in one method. */
  private boolean fitsOneMethod(List<StepCode> steps) {
    return 1 + steps.stream().mapToInt(step -> step.size().bytes()).sum() <= budget.methodCode();
  }

  /** Whether the class's constant pool holds both directions' literals and the step methods. */
  private boolean fitsOneClass(Direction upgrade, List<StepMethod> upgradeMethods, Direction downgrade,
      List<StepMethod> downgradeMethods) {
    List<CodeSize> sizes = new ArrayList<>();
    upgrade.steps().forEach(step -> sizes.add(step.size()));
    downgrade.steps().forEach(step -> sizes.add(step.size()));
    int methods = upgradeMethods.size() + downgradeMethods.size();
    return CodeSize.constantPoolEntries(sizes) + METHOD_ENTRIES * methods + CONSTANT_POOL_RESERVE
        <= budget.constantPool()
        && callsFit(Math.max(upgradeMethods.size(), downgradeMethods.size()));
  }

  /** Whether a method calling that many step methods (and returning) is within Java's limit. */
  private static boolean callsFit(int calls) {
    return CALL_BYTES * calls + 1 <= METHOD_CODE_LIMIT;
  }

  /** One method per group of changes, a group too large for one method continuing in parts. */
  private List<StepMethod> stepMethods(List<StepCode> steps, StepMethodNames names) {
    List<StepMethod> methods = new ArrayList<>();
    int start = 0;
    for (ChangeGroup group : ChangeGroup.consecutive(steps.stream().map(StepCode::change).toList())) {
      List<StepCode> groupSteps = steps.subList(start, start + group.changes().size());
      start += group.changes().size();
      List<List<StepCode>> chunks = chunks(groupSteps);
      if (chunks.size() == 1) {
        methods.add(new StepMethod(names.next(group), groupSteps));
      } else {
        String base = names.next(group);
        for (int i = 0; i < chunks.size(); i++) {
          methods.add(new StepMethod(i == 0 ? base : names.unique(base + "Part" + (i + 1)), chunks.get(i)));
        }
      }
    }
    return methods;
  }

  /** Consecutive runs of steps that each fit one method (a step larger than that alone). */
  private List<List<StepCode>> chunks(List<StepCode> steps) {
    List<List<StepCode>> chunks = new ArrayList<>();
    List<StepCode> chunk = new ArrayList<>();
    int bytes = 1;
    for (StepCode step : steps) {
      if (!chunk.isEmpty() && bytes + step.size().bytes() > budget.methodCode()) {
        chunks.add(chunk);
        chunk = new ArrayList<>();
        bytes = 1;
      }
      chunk.add(step);
      bytes += step.size().bytes();
    }
    chunks.add(chunk);
    return chunks;
  }

  /** The same methods with their statements wrapped as they are one class deeper. */
  private List<StepMethod> nested(List<StepMethod> methods) {
    List<StepCode> steps = methods.stream().flatMap(method -> method.steps().stream()).toList();
    List<String> texts = probe.texts(steps.stream().map(StepCode::statement).toList(), 2);
    List<StepMethod> nested = new ArrayList<>();
    int next = 0;
    for (StepMethod method : methods) {
      List<StepCode> rewrapped = new ArrayList<>();
      for (StepCode step : method.steps()) {
        rewrapped.add(step.withText(texts.get(next++)));
      }
      nested.add(new StepMethod(method.name(), rewrapped));
    }
    return nested;
  }

  /** Consecutive methods packed into nested classes, each within the limits of one class. */
  private List<TypeSpec> parts(Direction direction, List<StepMethod> methods, StepMethodNames names) {
    List<List<StepMethod>> packed = new ArrayList<>();
    List<StepMethod> part = new ArrayList<>();
    Set<String> constants = new HashSet<>();
    for (StepMethod method : methods) {
      Set<String> withMethod = new HashSet<>(constants);
      for (StepCode step : method.steps()) {
        withMethod.addAll(step.size().constants());
      }
      int entries = 2 * withMethod.size() + METHOD_ENTRIES * (part.size() + 1) + CONSTANT_POOL_RESERVE;
      boolean fits = entries <= budget.constantPool() && callsFit(part.size() + 1);
      if (!part.isEmpty() && !fits) {
        packed.add(part);
        part = new ArrayList<>();
        withMethod = new HashSet<>();
        for (StepCode step : method.steps()) {
          withMethod.addAll(step.size().constants());
        }
      }
      part.add(method);
      constants = withMethod;
    }
    packed.add(part);
    List<TypeSpec> parts = new ArrayList<>();
    for (int i = 0; i < packed.size(); i++) {
      List<StepMethod> partMethods = packed.get(i);
      String name = names.unique(direction.partPrefix() + (i + 1));
      MethodSpec.Builder run = MethodSpec.methodBuilder("run")
          .addModifiers(Modifier.STATIC)
          .addParameter(Operations.class, OperationRenderer.OPS);
      partMethods.forEach(method -> run.addStatement("$L($L)", method.name(), OperationRenderer.OPS));
      TypeSpec.Builder nestedClass = TypeSpec.classBuilder(name)
          .addJavadoc("$L", "The " + direction.name() + ", part " + (i + 1) + " of " + packed.size() + ": "
              + partMethods.get(0).name() + " to " + partMethods.get(partMethods.size() - 1).name() + ".\n")
          .addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
          .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
          .addMethod(run.build());
      partMethods.forEach(method -> nestedClass.addMethod(stepMethod(method, NESTED_METHOD_BODY_DEPTH)));
      parts.add(nestedClass.build());
    }
    return parts;
  }

  private static MethodSpec single(Direction direction) {
    return MigrationWriter.override(direction.name(), direction.steps(), direction.emptyHint());
  }

  private static MethodSpec caller(Direction direction, List<StepMethod> methods) {
    MethodSpec.Builder caller = MigrationWriter.overrideHeader(direction.name())
        .addCode(MigrationWriter.comment(SPLIT_COMMENT));
    methods.forEach(method -> caller.addStatement("$L($L)", method.name(), OperationRenderer.OPS));
    return caller.build();
  }

  private static MethodSpec partsCaller(Direction direction, List<TypeSpec> parts) {
    MethodSpec.Builder caller = MigrationWriter.overrideHeader(direction.name())
        .addCode(MigrationWriter.comment(PARTS_COMMENT));
    parts.forEach(part -> caller.addStatement("$N.run($L)", part, OperationRenderer.OPS));
    return caller.build();
  }

  /** @param depth indentation levels of the method's body, which its comments are wrapped for */
  private static MethodSpec stepMethod(StepMethod method, int depth) {
    MethodSpec.Builder spec = MethodSpec.methodBuilder(method.name())
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .addParameter(Operations.class, OperationRenderer.OPS);
    MigrationWriter.addSteps(spec, method.steps(), depth);
    return spec.build();
  }
}
