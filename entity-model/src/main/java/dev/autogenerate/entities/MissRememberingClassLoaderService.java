package dev.autogenerate.entities;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.hibernate.boot.registry.classloading.internal.ClassLoaderServiceImpl;
import org.hibernate.boot.registry.classloading.internal.TcclLookupPrecedence;
import org.hibernate.boot.registry.classloading.spi.ClassLoadingException;

/**
 * Hibernate's class loading, remembering the names it did not find. Binding an entity looks for
 * its package's {@code package-info} class three times (package-level {@code @SoftDelete},
 * {@code @Temporal} and {@code @Audited}), and nothing in Hibernate 7.4 remembers that there is
 * none: each miss walks every class loader and fills a stack trace per loader, a sixth of reading
 * a thousand entities. The class path does not change during one boot, so a name missed once is
 * missed again at once, with the first failure as its cause.
 */
final class MissRememberingClassLoaderService extends ClassLoaderServiceImpl {

  private final Map<String, ClassLoadingException> missed = new ConcurrentHashMap<>();

  MissRememberingClassLoaderService(ClassLoader applicationLoader) {
    // As BootstrapServiceRegistryBuilder.applyClassLoader makes it: the given loader, then
    // Hibernate's own, then the thread's context loader.
    super(List.of(applicationLoader), TcclLookupPrecedence.AFTER);
  }

  @Override
  public <T> Class<T> classForName(String className) {
    ClassLoadingException first = missed.get(className);
    if (first != null) {
      throw new MissedAgain(className, first);
    }
    try {
      return super.classForName(className);
    } catch (ClassLoadingException e) {
      missed.putIfAbsent(className, e);
      throw e;
    }
  }

  /** A name missed before: no class loader is asked, and no stack trace is made. */
  static final class MissedAgain extends ClassLoadingException {

    MissedAgain(String className, ClassLoadingException first) {
      super("Unable to load class [" + className + "] (not found before)", first);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
      return this;
    }
  }
}
