package dev.autogenerate.junit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogenerate.runtime.MigrationScript;
import dev.autogenerate.junit.example.migrations.good.M001_create_teams_and_users;
import dev.autogenerate.junit.example.migrations.losesrows.M002_create_tags;
import org.junit.jupiter.api.Test;

class TablesNamedTest {

  @Test
  void operationsNameTheirSubjectAndTheTablesTheirForeignKeysReference() {
    TablesNamed named = TablesNamed.by(MigrationScript.of(new M001_create_teams_and_users(), "a1"));

    assertTrue(named.names("users"));
    assertTrue(named.names("TEAMS"));
    assertFalse(named.names("tags"));
  }

  @Test
  void rawSqlNamesTheTablesItMentionsAsWholeWords() {
    TablesNamed named = TablesNamed.by(MigrationScript.of(new M002_create_tags(), "l2"));

    assertTrue(named.names("tags"));
    assertTrue(named.names("teams"));
    assertFalse(named.names("team"));
    assertFalse(named.names("eams"));
  }
}
