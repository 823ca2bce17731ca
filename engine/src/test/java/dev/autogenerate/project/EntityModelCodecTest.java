package dev.autogenerate.project;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.autogenerate.entities.EntityModel;
import dev.autogenerate.schema.CheckConstraint;
import dev.autogenerate.schema.Column;
import dev.autogenerate.schema.ColumnRename;
import dev.autogenerate.schema.EnumType;
import dev.autogenerate.schema.ForeignKey;
import dev.autogenerate.schema.Index;
import dev.autogenerate.schema.IndexColumn;
import dev.autogenerate.schema.PrimaryKey;
import dev.autogenerate.schema.ReferentialAction;
import dev.autogenerate.schema.Renames;
import dev.autogenerate.schema.SequenceRename;
import dev.autogenerate.schema.Schema;
import dev.autogenerate.schema.Sequence;
import dev.autogenerate.schema.SqlType;
import dev.autogenerate.schema.Table;
import dev.autogenerate.schema.TableRename;
import dev.autogenerate.schema.Trigger;
import dev.autogenerate.schema.UniqueConstraint;
import dev.autogenerate.schema.View;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The cached entity model comes back equal, every component of every record included. */
class EntityModelCodecTest {

  /** A model using every component of every record at least once, nulls and long texts too. */
  static EntityModel everything() {
    Table teams = new Table("sales.teams",
        List.of(new Column("id", SqlType.BIGINT, false, true),
            new Column("name", SqlType.varchar(80), false, false, "'none'", "the team's name"),
            new Column("budget", SqlType.numeric(12, 2), true, false),
            new Column("kind", SqlType.sqlType("team_kind"), true, false),
            new Column("search", SqlType.sqlType("tsvector"), true, false)),
        Optional.of(new PrimaryKey("pk_teams", List.of("id"))),
        List.of(new UniqueConstraint("uq_teams_name", List.of("name")), new UniqueConstraint(null, List.of("budget"))),
        List.of(new ForeignKey("fk_teams_parent", List.of("id"), "sales.teams", List.of("id"), ReferentialAction.CASCADE,
            ReferentialAction.SET_NULL)),
        List.of(new CheckConstraint("ck_budget", "budget >= 0"), new CheckConstraint(null, "name <> ''")),
        List.of(new Index("ix_teams_name", List.of(new IndexColumn("name", true), new IndexColumn("budget", false)),
            true, null), new Index("ix_teams_lower", List.of(), false, "lower(name)"),
            new Index("ix_teams_failed", List.of(new IndexColumn("budget", false)), true, null, false)),
        "x".repeat(70_000));
    Table plain = new Table("plain", List.of(Column.column("only", SqlType.TEXT)), Optional.empty());
    Schema withoutViews = Schema.of(List.of(teams, plain),
        List.of(new Sequence("teams_seq", 1, 50, null, List.of("teams.id")), new Sequence("teams_id_seq", 1, 1, "teams.id", List.of(), true)),
        List.of(new EnumType("team_kind", List.of("A", "B")), new EnumType("team_mood", List.of("GLAD", "CALM"), false)));
    Schema schema = new Schema(withoutViews.tables(), withoutViews.sequences(), withoutViews.enumTypes(),
        Map.of("team_names", new View("team_names", "select name from sales.teams",
            Map.of("sales.teams", new TreeSet<>(List.of("name")))),
            "team_totals", new View("team_totals", "select count(*) from sales.teams", Map.of(), true)),
        Map.of("t_audit", new Trigger("t_audit", "plain", "create trigger t_audit ...", "begin new.x := 1; return new; end")));
    Renames renames = new Renames(List.of(new TableRename("sales.teams", List.of("sales.groups", "sales.crews"), "Team")),
        List.of(new ColumnRename("plain", "only", List.of("single"), "Plain.only")),
        List.of(new SequenceRename("sales.team_ids", "sales.team_seq", "--rename sales.team_seq=team_ids")));
    return new EntityModel(schema, renames);
  }

  @Test
  void aModelComesBackEqualAndWritesTheSameBytesAgain() throws IOException {
    EntityModel model = everything();
    byte[] bytes = EntityModelCodec.write(model);
    EntityModel read = EntityModelCodec.read(bytes);
    assertEquals(model, read);
    assertArrayEquals(bytes, EntityModelCodec.write(read));
  }

  @Test
  void bytesOfAnotherFormatOrCutShortAreRefused() throws IOException {
    byte[] bytes = EntityModelCodec.write(everything());
    byte[] otherFormat = bytes.clone();
    otherFormat[3]++;
    assertThrows(IOException.class, () -> EntityModelCodec.read(otherFormat));
    assertThrows(IOException.class, () -> EntityModelCodec.read(Arrays.copyOf(bytes, bytes.length / 2)));
    byte[] longer = Arrays.copyOf(bytes, bytes.length + 1);
    assertThrows(IOException.class, () -> EntityModelCodec.read(longer));
  }

  /**
   * The codec writes each record's components by hand: a component added to a record must be
   * added to the codec too, and its format raised, or a cached model would silently lack it.
   */
  @Test
  void theCodecKnowsEveryComponentOfTheModel() {
    Map<Class<?>, Integer> written = Map.ofEntries(
        Map.entry(EntityModel.class, 2), Map.entry(Schema.class, 5), Map.entry(Table.class, 8),
        Map.entry(Column.class, 6), Map.entry(SqlType.class, 5), Map.entry(PrimaryKey.class, 2),
        Map.entry(UniqueConstraint.class, 2), Map.entry(ForeignKey.class, 6), Map.entry(CheckConstraint.class, 2),
        Map.entry(Index.class, 5), Map.entry(IndexColumn.class, 2), Map.entry(Sequence.class, 6),
        Map.entry(EnumType.class, 3), Map.entry(View.class, 4), Map.entry(Trigger.class, 4),
        Map.entry(Renames.class, 3), Map.entry(TableRename.class, 3), Map.entry(ColumnRename.class, 4),
        Map.entry(SequenceRename.class, 3));
    written.forEach((type, components) -> assertEquals(components, type.getRecordComponents().length,
        type.getSimpleName() + " changed: update EntityModelCodec and raise its FORMAT"));
  }
}
