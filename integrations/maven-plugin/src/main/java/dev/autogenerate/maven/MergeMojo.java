package dev.autogenerate.maven;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code autogenerate merge -m MESSAGE}: joins the heads of a history that branched (two
 * branches each added a migration) with a revision that revises them all and changes nothing,
 * written into the migrations package.
 */
@Mojo(name = "merge", requiresDependencyResolution = ResolutionScope.COMPILE_PLUS_RUNTIME, threadSafe = true)
public class MergeMojo extends AbstractAutogenerateMojo {

  /** What the merge is; it names the file. */
  @Parameter(property = "autogenerate.message")
  String message;

  /** The revisions to join (ids or prefixes), comma-separated with {@code -Dautogenerate.revisions}; every head when unset. */
  @Parameter
  List<String> revisions;

  @Override
  List<String> command() throws MojoFailureException {
    List<String> words = new ArrayList<>(List.of("merge", "-m", required("autogenerate.message", message,
        "autogenerate:merge needs a message for the merge revision: -Dautogenerate.message=\"merge the two branches\"")));
    words.addAll(listSetting("autogenerate.revisions", revisions));
    return words;
  }
}
