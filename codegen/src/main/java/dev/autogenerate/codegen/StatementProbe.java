package dev.autogenerate.codegen;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * The text each statement takes in the file, as JavaPoet writes it. Line wrapping depends on the
 * package, the class name, the indentation, how deep the method is nested and the static imports,
 * so the statements are rendered in a file like the real one; {@code CodeBlock.toString()} cannot
 * tell, as it drops whatever follows a pending wrap point. All statements go into one probe file,
 * one method each, so that probing costs one rendering, not one per statement.
 */
final class StatementProbe {

  private final MigrationSource source;
  private final OperationRenderer renderer;

  /** A probe for the file of {@code source}; {@code renderer} has rendered every statement already. */
  StatementProbe(MigrationSource source, OperationRenderer renderer) {
    this.source = source;
    this.renderer = renderer;
  }

  /**
   * Each statement's text, without its indentation's first line or the final semicolon's line
   * break.
   *
   * @param depth 1 for a method of the migration class, 2 for one of a class nested in it
   */
  List<String> texts(List<CodeBlock> statements, int depth) {
    if (statements.isEmpty()) {
      return List.of();
    }
    TypeSpec.Builder innermost = TypeSpec.classBuilder(depth == 1 ? source.className() : "Probe");
    for (int i = 0; i < statements.size(); i++) {
      innermost.addMethod(MethodSpec.methodBuilder(methodName(i)).addStatement("$L", statements.get(i)).build());
    }
    TypeSpec type = innermost.build();
    for (int level = depth - 1; level >= 1; level--) {
      String name = level == 1 ? source.className() : "Probe" + level;
      type = TypeSpec.classBuilder(name).addType(type).build();
    }
    JavaFile.Builder file = JavaFile.builder(source.packageName(), type)
        .indent(MigrationWriter.INDENT)
        .skipJavaLangImports(true);
    renderer.addStaticImportsTo(file);
    String text = file.build().toString();
    String end = "\n" + MigrationWriter.INDENT.repeat(depth) + "}\n";
    List<String> texts = new ArrayList<>(statements.size());
    int from = 0;
    for (int i = 0; i < statements.size(); i++) {
      String start = methodName(i) + "() {\n";
      int bodyStart = text.indexOf(start, from) + start.length();
      int bodyEnd = text.indexOf(end, bodyStart);
      texts.add(text.substring(bodyStart, bodyEnd).strip());
      from = bodyEnd;
    }
    return texts;
  }

  /** Whether a statement's text takes more than one line. */
  static boolean spansLines(String text) {
    return text.contains("\n");
  }

  private static String methodName(int index) {
    return "probe" + index;
  }
}
