package dev.autogenerate.testing;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Drops the PostgreSQL databases a test class created once the class has finished, nested
 * classes included. Registered as a service, so every test JVM that has the fixtures on its
 * class path cleans up after each class without a line in the tests themselves.
 *
 * <p>Per top-level class rather than per test: a class may create a database once for all its
 * tests, and test classes of one JVM run one after another.
 */
public final class DropTestDatabases implements TestExecutionListener {

  private TestPlan plan;

  @Override
  public void testPlanExecutionStarted(TestPlan testPlan) {
    plan = testPlan;
  }

  @Override
  public void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
    if (plan != null && isTopLevelClass(identifier)) {
      SharedPostgres.dropCreatedSoFar();
    }
  }

  /** A container whose parent is the test engine itself. */
  private boolean isTopLevelClass(TestIdentifier identifier) {
    return identifier.isContainer()
        && identifier.getParentIdObject()
            .flatMap(parent -> plan.getTestIdentifier(parent).getParentIdObject())
            .isEmpty()
        && identifier.getParentIdObject().isPresent();
  }
}
