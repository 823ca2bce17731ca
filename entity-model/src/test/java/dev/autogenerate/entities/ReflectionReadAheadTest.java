package dev.autogenerate.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Reading ahead is invisible: a class the JDK cannot reflect on ends the reading ahead quietly,
 * and the read says what is missing.
 */
class ReflectionReadAheadTest {

  /** The type of {@link Shipment#carrier}, which the loader below hides. */
  static class Carrier {}

  @Entity(name = "Shipment")
  static class Shipment {
    @Id Long id;
    Carrier carrier;
  }

  @Entity(name = "Label")
  static class Label {
    @Id Long id;
    String text;
  }

  /** Defines {@link Shipment} itself and cannot find {@link Carrier}: the field's type is missing. */
  static final class CarrierMissing extends ClassLoader {
    CarrierMissing() {
      super(ReflectionReadAheadTest.class.getClassLoader());
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      synchronized (getClassLoadingLock(name)) {
        if (name.equals(Carrier.class.getName())) {
          throw new ClassNotFoundException(name);
        }
        if (!name.equals(Shipment.class.getName())) {
          return super.loadClass(name, resolve);
        }
        Class<?> loaded = findLoadedClass(name);
        if (loaded != null) {
          return loaded;
        }
        try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
          byte[] bytes = in.readAllBytes();
          return defineClass(name, bytes, 0, bytes.length);
        } catch (IOException e) {
          throw new ClassNotFoundException(name, e);
        }
      }
    }
  }

  @Test
  void aClassWhoseFieldTypeIsMissingEndsTheReadingAheadQuietly() throws Exception {
    CarrierMissing loader = new CarrierMissing();
    Class<?> shipment = loader.loadClass(Shipment.class.getName());
    assertThrows(NoClassDefFoundError.class, shipment::getDeclaredFields, "the test's class must not reflect");
    List<Throwable> uncaught = new ArrayList<>();
    Thread.UncaughtExceptionHandler before = Thread.getDefaultUncaughtExceptionHandler();
    Thread.setDefaultUncaughtExceptionHandler((thread, error) -> {
      synchronized (uncaught) {
        uncaught.add(error);
      }
    });
    try (ReflectionReadAhead readingAhead = ReflectionReadAhead.start(List.of(shipment, Label.class), 2)) {
      readingAhead.awaitEnd();
    } finally {
      Thread.setDefaultUncaughtExceptionHandler(before);
    }
    assertEquals(List.of(), uncaught);
  }

  @Test
  void aFieldWhoseTypeIsMissingIsAMappingErrorNamingTheClass() throws Exception {
    CarrierMissing loader = new CarrierMissing();
    Class<?> shipment = loader.loadClass(Shipment.class.getName());
    EntityModelReader reader = new EntityModelReader(EntityModelOptions.using(loader));
    EntityMappingException error = assertThrows(EntityMappingException.class,
        () -> reader.readModel(List.of(shipment, Label.class)));
    assertTrue(error.getMessage().startsWith("class " + Carrier.class.getName() + ", which an entity names, is not on"
        + " the class path"), error::getMessage);
  }

  @Test
  void fewClassesAreNotReadAhead() throws Exception {
    List<Class<?>> classes = new ArrayList<>();
    for (int i = 0; i < ReflectionReadAhead.FEWEST_CLASSES - 1; i++) {
      classes.add(Label.class);
    }
    try (ReflectionReadAhead few = ReflectionReadAhead.start(classes)) {
      assertFalse(few.threadStarted());
    }
    classes.add(Label.class);
    try (ReflectionReadAhead enough = ReflectionReadAhead.start(classes)) {
      assertEquals(Runtime.getRuntime().availableProcessors() > 1, enough.threadStarted());
      enough.awaitEnd();
    }
  }

  @Test
  void closingStopsTheReadingAhead() throws Exception {
    List<Class<?>> many = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      many.add(i % 2 == 0 ? Label.class : Shipment.class);
    }
    ReflectionReadAhead readingAhead = ReflectionReadAhead.start(many, 2);
    readingAhead.close();
    readingAhead.awaitEnd();
  }
}
