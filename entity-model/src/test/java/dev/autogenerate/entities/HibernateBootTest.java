package dev.autogenerate.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hibernate's boot made before the classes are known reads them as the one-step reader does. */
class HibernateBootTest {

  @Entity(name = "Parcel")
  static class Parcel {
    @Id Long id;
    String label;
  }

  private final EntityModelReader reader = new EntityModelReader(EntityModelOptions.using(getClass().getClassLoader()));

  @Test
  void aBootMadeFirstReadsWhatTheReaderReads() {
    EntityModel read;
    try (HibernateBoot boot = reader.boot()) {
      read = boot.read(List.of(Parcel.class));
    }
    assertEquals(reader.readModel(List.of(Parcel.class)), read);
    assertTrue(read.schema().tables().containsKey("parcel"), read.schema().tables()::toString);
  }

  @Test
  void aBootReadsOnce() {
    try (HibernateBoot boot = reader.boot()) {
      boot.read(List.of(Parcel.class));
      assertThrows(IllegalStateException.class, () -> boot.read(List.of(Parcel.class)));
    }
  }

  @Test
  void aNamingStrategyThatCannotBeMadeIsToldByTheBoot() {
    EntityModelReader misconfigured = new EntityModelReader(EntityModelOptions.using(getClass().getClassLoader())
        .withNamingStrategies(null, "com.example.NoSuchStrategy"));
    EntityMappingException error = assertThrows(EntityMappingException.class, misconfigured::boot);
    assertTrue(error.getMessage().contains("com.example.NoSuchStrategy"), error::getMessage);
  }

  /** A naming strategy whose class cannot be initialized. */
  public static class BrokenStrategy extends org.hibernate.boot.model.naming.PhysicalNamingStrategyStandardImpl {
    static {
      if (Boolean.parseBoolean("true")) {
        throw new IllegalStateException("the strategy's static set-up failed");
      }
    }
  }

  @Test
  void aNamingStrategyThatCannotBeInitializedIsToldByTheBoot() {
    EntityModelReader broken = new EntityModelReader(EntityModelOptions.using(getClass().getClassLoader())
        .withNamingStrategies(null, BrokenStrategy.class.getName()));
    EntityMappingException error = assertThrows(EntityMappingException.class, broken::boot);
    assertTrue(error.getMessage().contains(BrokenStrategy.class.getName())
        && error.getMessage().contains("the strategy's static set-up failed"), error::getMessage);
  }

  @Test
  void aStaxFactoryThatCannotBeMadeIsToldByTheBoot() {
    // The boot makes Hibernate's XML mapping binder, which asks StAX for its event factory.
    String property = "javax.xml.stream.XMLEventFactory";
    System.setProperty(property, "com.example.NoSuchFactory");
    try {
      EntityMappingException error = assertThrows(EntityMappingException.class, reader::boot);
      assertTrue(error.getMessage().contains("com.example.NoSuchFactory"), error::getMessage);
    } finally {
      System.clearProperty(property);
    }
  }
}
