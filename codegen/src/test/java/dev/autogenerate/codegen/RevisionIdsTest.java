package dev.autogenerate.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RevisionIdsTest {

  @Test
  void twelveLowercaseHexCharacters() {
    for (int i = 0; i < 200; i++) {
      String id = RevisionIds.random();
      assertEquals(RevisionIds.LENGTH, id.length(), id);
      assertTrue(id.matches("[0-9a-f]{12}"), id);
    }
  }

  @Test
  void idsDoNotRepeat() {
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      ids.add(RevisionIds.random());
    }
    assertEquals(10_000, ids.size());
  }
}
