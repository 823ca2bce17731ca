package dev.autogenerate.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogenerate.entities.softdeleted.Memo;
import dev.autogenerate.entities.softdeleted.Note;
import dev.autogenerate.schema.Schema;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.hibernate.boot.registry.classloading.spi.ClassLoadingException;
import org.junit.jupiter.api.Test;

/** Names Hibernate looked for and did not find are not looked for again; the ones it finds still are. */
class MissRememberingClassLoaderServiceTest {

  /** The test's class loader, counting the names it is asked for. */
  static final class CountingLoader extends ClassLoader {
    final Map<String, Integer> asked = new ConcurrentHashMap<>();

    CountingLoader() {
      super(MissRememberingClassLoaderServiceTest.class.getClassLoader());
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      asked.merge(name, 1, Integer::sum);
      return super.loadClass(name, resolve);
    }
  }

  @Test
  void aMissIsToldAgainWithoutAskingTheClassLoaders() {
    CountingLoader loader = new CountingLoader();
    MissRememberingClassLoaderService service = new MissRememberingClassLoaderService(loader);
    String missing = "com.example.nothing.package-info";
    ClassLoadingException first = assertThrows(ClassLoadingException.class, () -> service.classForName(missing));
    ClassLoadingException again = assertThrows(ClassLoadingException.class, () -> service.classForName(missing));
    assertEquals(1, loader.asked.get(missing), "the application's loader is asked once: " + loader.asked);
    assertSame(first, again.getCause());
    assertTrue(again.getMessage().contains(missing), again::getMessage);
  }

  @Test
  void aClassThatFailedToLoadIsAskedForAgain() {
    String broken = "com.example.broken.Thing";
    CountingLoader loader = new CountingLoader();
    ClassLoader failingOnce = new ClassLoader(loader) {
      private boolean failed;

      @Override
      protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (name.equals(broken) && !failed) {
          failed = true;
          throw new NoClassDefFoundError("com/example/broken/Base");
        }
        return super.loadClass(name, resolve);
      }
    };
    MissRememberingClassLoaderService service = new MissRememberingClassLoaderService(failingOnce);
    assertThrows(ClassLoadingException.class, () -> service.classForName(broken));
    assertThrows(ClassLoadingException.class, () -> service.classForName(broken));
    // The linkage error was not taken for an absent class: the second lookup asked again, and
    // reached the loader beneath (which the first, failing, never did).
    assertEquals(1, loader.asked.get(broken), "asked again after a linkage error: " + loader.asked);
  }

  @Test
  void aClassFoundIsFoundEveryTime() {
    CountingLoader loader = new CountingLoader();
    MissRememberingClassLoaderService service = new MissRememberingClassLoaderService(loader);
    assertSame(Memo.class, service.classForName(Memo.class.getName()));
    assertSame(Memo.class, service.classForName(Memo.class.getName()));
  }

  @Test
  void aPackageAnnotationStillReachesEveryEntityOfItsPackage() {
    // Hibernate looks for each entity's package-info: found once, it must be found for the next entity too.
    Schema schema = new EntityModelReader(EntityModelOptions.using(getClass().getClassLoader()))
        .read(List.of(Memo.class, Note.class));
    for (String table : List.of("memo", "note")) {
      assertTrue(schema.tables().get(table).hasColumn("deleted"),
          () -> table + " has the package's @SoftDelete column: " + schema.tables().get(table));
    }
  }
}
