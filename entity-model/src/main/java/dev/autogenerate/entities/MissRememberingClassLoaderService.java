package dev.autogenerate.entities;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.hibernate.boot.registry.classloading.internal.ClassLoaderServiceImpl;
import org.hibernate.boot.registry.classloading.internal.TcclLookupPrecedence;
import org.hibernate.boot.registry.classloading.spi.ClassLoadingException;

/**
 * Hibernate's class loading, remembering the names it did not find. Binding an entity looks for
 * its package's {@code package-info} class again and again (for package-level {@code @SoftDelete},
 * {@code @Temporal}, {@code @Audited} and more per entity, {@code @Nationalized} per attribute),
 * and nothing in Hibernate 7.4 remembers that there is none: each miss walks every class loader
 * and fills a stack trace per loader, a sixth of reading a thousand entities. The class path does
 * not change during one boot, so a name no loader has is missed again at once, with the first
 * failure as its cause. Only absent classes are remembered: a class that exists but failed to
 * load (a linkage error) is tried again, as before.
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
      if (absent(e)) {
        missed.putIfAbsent(className, e);
      }
      throw e;
    }
  }

  /**
   * Whether no loader has the class: Hibernate's aggregated loader reports each loader's failure
   * as a suppressed exception of its own {@code ClassNotFoundException}; a linkage error among
   * them is a class that is there but broken, or a loader that failed this once.
   */
  private static boolean absent(ClassLoadingException failure) {
    if (!(failure.getCause() instanceof ClassNotFoundException notFound)) {
      return false;
    }
    return Arrays.stream(notFound.getSuppressed()).noneMatch(LinkageError.class::isInstance);
  }

  @Override
  public void stop() {
    missed.clear();
    super.stop();
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
