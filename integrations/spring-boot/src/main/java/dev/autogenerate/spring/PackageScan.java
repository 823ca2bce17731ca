package dev.autogenerate.spring;

import java.util.List;
import java.util.TreeSet;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.type.filter.TypeFilter;
import org.springframework.util.ClassUtils;

/**
 * The top-level classes of some packages that match filters, found the way Spring finds
 * components: through the application's resource loader, so in a directory, a jar, Spring Boot's
 * executable jar or DevTools' restart class loader alike. Sorted, so what is built from the list
 * comes out the same every run.
 */
final class PackageScan {

  private final ResourceLoader resourceLoader;

  PackageScan(ResourceLoader resourceLoader) {
    this.resourceLoader = resourceLoader;
  }

  List<String> classNames(List<String> packages, List<TypeFilter> filters) {
    ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
      @Override
      protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
        // Abstract classes count (a @MappedSuperclass); nested ones do not (one class per file, as the tool writes them).
        return definition.getMetadata().isIndependent() && !definition.getMetadata().hasEnclosingClass();
      }
    };
    scanner.setResourceLoader(resourceLoader);
    filters.forEach(scanner::addIncludeFilter);
    TreeSet<String> names = new TreeSet<>();
    for (String packageName : packages) {
      for (BeanDefinition candidate : scanner.findCandidateComponents(packageName)) {
        names.add(candidate.getBeanClassName());
      }
    }
    return List.copyOf(names);
  }

  ClassLoader classLoader() {
    return resourceLoader.getClassLoader();
  }

  /** Loads a class found by {@link #classNames} with the application's class loader. */
  Class<?> load(String className) {
    try {
      return ClassUtils.forName(className, resourceLoader.getClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      throw new AutogenerateStartupException("autogenerate cannot load class " + className + ": " + e,
          "Check that the application's class path is complete.", e);
    }
  }
}
