package dev.autogenerate.maven;

import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** {@code autogenerate downgrade TARGET}: reverts migrations down to the target. */
@Mojo(name = "downgrade", requiresDependencyResolution = ResolutionScope.COMPILE_PLUS_RUNTIME, threadSafe = true)
public class DowngradeMojo extends AbstractAutogenerateMojo {

  /** {@code -N}, {@code base} or a revision; no default, since reverting is never implied. */
  @Parameter(property = "autogenerate.target")
  String target;

  /**
   * All the revisions in one transaction (but those that need one of their own), or each in its
   * own when false; unset, as {@code transaction.mode} in the settings says.
   */
  @Parameter(property = "autogenerate.singleTransaction")
  Boolean singleTransaction;

  /**
   * Seconds to wait for another process migrating the same database before giving up (at least
   * 1); unset, as {@code lock.timeout} in the settings says (600).
   */
  @Parameter(property = "autogenerate.lockTimeout")
  String lockTimeout;

  @Override
  List<String> command() throws MojoFailureException {
    return waitingAtMost(lockTimeout, inOneTransactionIf(singleTransaction, "downgrade", required("autogenerate.target",
        target, "autogenerate:downgrade needs a target: -Dautogenerate.target=-1 (the newest applied), a revision, or base")));
  }
}
