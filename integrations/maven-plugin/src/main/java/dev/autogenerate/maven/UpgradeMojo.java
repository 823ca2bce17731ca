package dev.autogenerate.maven;

import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** {@code autogenerate upgrade TARGET}: applies the migrations up to the target. */
@Mojo(name = "upgrade", requiresDependencyResolution = ResolutionScope.COMPILE_PLUS_RUNTIME, threadSafe = true)
public class UpgradeMojo extends AbstractAutogenerateMojo {

  /** {@code head}, {@code heads}, a revision or {@code +N}. */
  @Parameter(property = "autogenerate.target", defaultValue = "head")
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
  List<String> command() {
    return waitingAtMost(lockTimeout,
        inOneTransactionIf(singleTransaction, "upgrade", setting("autogenerate.target", target)));
  }
}
