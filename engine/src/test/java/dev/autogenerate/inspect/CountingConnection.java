package dev.autogenerate.inspect;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A thin wrapper around a {@link Connection} that counts the round trips made through it: every
 * execution of a statement it created ({@code execute*}, {@code executeBatch}), and every
 * {@link DatabaseMetaData} call that returns a result set (those run queries of their own).
 */
public final class CountingConnection {

  private final AtomicInteger executions = new AtomicInteger();
  private final Connection connection;

  private CountingConnection(Connection target) {
    this.connection = proxy(Connection.class, target, this::wrapConnectionResult);
  }

  public static CountingConnection wrap(Connection target) {
    return new CountingConnection(target);
  }

  /** The connection to hand to the code under test. */
  public Connection connection() {
    return connection;
  }

  /** Statements executed so far. */
  public int executions() {
    return executions.get();
  }

  private Object wrapConnectionResult(Method method, Object result) {
    if (result instanceof CallableStatement callable) {
      return proxy(CallableStatement.class, callable, this::countExecutions);
    }
    if (result instanceof PreparedStatement prepared) {
      return proxy(PreparedStatement.class, prepared, this::countExecutions);
    }
    if (result instanceof Statement statement) {
      return proxy(Statement.class, statement, this::countExecutions);
    }
    if (result instanceof DatabaseMetaData metaData) {
      return proxy(DatabaseMetaData.class, metaData, (m, r) -> {
        if (m.getName().equals("getConnection")) {
          return connection;
        }
        if (r instanceof ResultSet) {
          executions.incrementAndGet();
        }
        return r;
      });
    }
    return result;
  }

  private Object countExecutions(Method method, Object result) {
    if (method.getName().equals("getConnection")) {
      return connection; // no way around the count
    }
    if (method.getName().startsWith("execute")) {
      executions.incrementAndGet();
    }
    return result;
  }

  private interface AfterCall {
    Object after(Method method, Object result);
  }

  private static <T> T proxy(Class<T> type, T target, AfterCall after) {
    InvocationHandler handler = (proxy, method, args) -> {
      if (method.getName().equals("unwrap") || method.getName().equals("isWrapperFor")) {
        throw new UnsupportedOperationException("the counting connection does not unwrap");
      }
      try {
        return after.after(method, method.invoke(target, args));
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    };
    return type.cast(Proxy.newProxyInstance(
        CountingConnection.class.getClassLoader(), new Class<?>[] {type}, handler));
  }
}
