package dev.autogenerate.project;

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
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * An {@link EntityModel} as bytes and back, for {@link EntityModelCache}. Every component of every
 * record is written, in declaration order, and read back through the records' constructors, so
 * their checks run again on what is read. The first int is the format: a cache written by another
 * format is a miss, never a wrong model.
 */
final class EntityModelCodec {

  /** Raise it whenever a record of the model gains, loses or changes a component. */
  static final int FORMAT = 9;

  private EntityModelCodec() {}

  static byte[] write(EntityModel model) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(FORMAT);
      new Writer(out).model(model);
    }
    return bytes.toByteArray();
  }

  /** @throws IOException when the bytes are not a whole model of this format */
  static EntityModel read(byte[] bytes) throws IOException {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      if (in.readInt() != FORMAT) {
        throw new IOException("another format");
      }
      EntityModel model = new Reader(in).model();
      if (in.read() != -1) {
        throw new IOException("trailing bytes");
      }
      return model;
    } catch (RuntimeException e) {
      throw new IOException("not a model: " + e.getMessage(), e);
    }
  }

  private record Writer(DataOutputStream out) {

    void model(EntityModel model) throws IOException {
      Schema schema = model.schema();
      count(schema.tables().size());
      for (Table table : schema.tables().values()) {
        table(table);
      }
      count(schema.sequences().size());
      for (Sequence sequence : schema.sequences().values()) {
        text(sequence.name());
        out.writeLong(sequence.startWith());
        out.writeLong(sequence.incrementBy());
        text(sequence.ownedBy());
        texts(sequence.feeds());
        out.writeBoolean(sequence.ofIdentity());
      }
      count(schema.enumTypes().size());
      for (EnumType type : schema.enumTypes().values()) {
        text(type.name());
        texts(type.values());
        out.writeBoolean(type.orderMatters());
      }
      count(schema.views().size());
      for (View view : schema.views().values()) {
        text(view.name());
        text(view.definition());
        out.writeBoolean(view.materialized());
        count(view.uses().size());
        for (Map.Entry<String, SortedSet<String>> use : view.uses().entrySet()) {
          text(use.getKey());
          texts(List.copyOf(use.getValue()));
        }
      }
      count(schema.triggers().size());
      for (Trigger trigger : schema.triggers().values()) {
        text(trigger.name());
        text(trigger.table());
        text(trigger.sql());
        text(trigger.functionBody());
      }
      count(model.renames().tables().size());
      for (TableRename rename : model.renames().tables()) {
        text(rename.table());
        texts(rename.from());
        text(rename.statedBy());
      }
      count(model.renames().columns().size());
      for (ColumnRename rename : model.renames().columns()) {
        text(rename.table());
        text(rename.column());
        texts(rename.from());
        text(rename.statedBy());
      }
      count(model.renames().sequences().size());
      for (SequenceRename rename : model.renames().sequences()) {
        text(rename.sequence());
        text(rename.from());
        text(rename.statedBy());
      }
    }

    void table(Table table) throws IOException {
      text(table.name());
      count(table.columns().size());
      for (Column column : table.columns()) {
        text(column.name());
        type(column.type());
        out.writeBoolean(column.nullable());
        out.writeBoolean(column.identity());
        text(column.defaultSql());
        text(column.comment());
      }
      out.writeBoolean(table.primaryKey().isPresent());
      if (table.primaryKey().isPresent()) {
        text(table.primaryKey().get().name());
        texts(table.primaryKey().get().columns());
      }
      count(table.uniqueConstraints().size());
      for (UniqueConstraint unique : table.uniqueConstraints()) {
        text(unique.name());
        texts(unique.columns());
      }
      count(table.foreignKeys().size());
      for (ForeignKey key : table.foreignKeys()) {
        text(key.name());
        texts(key.columns());
        text(key.referencedTable());
        texts(key.referencedColumns());
        text(key.onDelete() == null ? null : key.onDelete().name());
        text(key.onUpdate() == null ? null : key.onUpdate().name());
      }
      count(table.checks().size());
      for (CheckConstraint check : table.checks()) {
        text(check.name());
        text(check.expression());
      }
      count(table.indexes().size());
      for (Index index : table.indexes()) {
        text(index.name());
        count(index.columns().size());
        for (IndexColumn column : index.columns()) {
          text(column.name());
          out.writeBoolean(column.descending());
        }
        out.writeBoolean(index.unique());
        text(index.definition());
        out.writeBoolean(index.valid());
      }
      text(table.comment());
    }

    void type(SqlType type) throws IOException {
      text(type.kind().name());
      number(type.length());
      number(type.precision());
      number(type.scale());
      text(type.rawName());
    }

    void number(Integer value) throws IOException {
      out.writeBoolean(value != null);
      if (value != null) {
        out.writeInt(value);
      }
    }

    void count(int count) throws IOException {
      out.writeInt(count);
    }

    void texts(List<String> values) throws IOException {
      count(values.size());
      for (String value : values) {
        text(value);
      }
    }

    /** Null-safe, and without writeUTF's 64 KB limit (a view's definition may be longer). */
    void text(String value) throws IOException {
      if (value == null) {
        out.writeInt(-1);
        return;
      }
      byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
      out.writeInt(bytes.length);
      out.write(bytes);
    }
  }

  private record Reader(DataInputStream in) {

    EntityModel model() throws IOException {
      List<Table> tables = new ArrayList<>();
      for (int i = count(); i > 0; i--) {
        tables.add(table());
      }
      List<Sequence> sequences = new ArrayList<>();
      for (int i = count(); i > 0; i--) {
        sequences.add(new Sequence(text(), in.readLong(), in.readLong(), text(), texts(), in.readBoolean()));
      }
      List<EnumType> enumTypes = new ArrayList<>();
      for (int i = count(); i > 0; i--) {
        enumTypes.add(new EnumType(text(), texts(), in.readBoolean()));
      }
      Map<String, View> views = new TreeMap<>();
      for (int i = count(); i > 0; i--) {
        String name = text();
        String definition = text();
        boolean materialized = in.readBoolean();
        Map<String, SortedSet<String>> uses = new TreeMap<>();
        for (int j = count(); j > 0; j--) {
          uses.put(text(), new TreeSet<>(texts()));
        }
        views.put(name, new View(name, definition, uses, materialized));
      }
      Map<String, Trigger> triggers = new TreeMap<>();
      for (int i = count(); i > 0; i--) {
        Trigger trigger = new Trigger(text(), text(), text(), text());
        triggers.put(trigger.name(), trigger);
      }
      Schema withoutViews = Schema.of(tables, sequences, enumTypes);
      Schema schema = new Schema(withoutViews.tables(), withoutViews.sequences(), withoutViews.enumTypes(), views,
          triggers);
      List<TableRename> tableRenames = new ArrayList<>();
      for (int i = count(); i > 0; i--) {
        tableRenames.add(new TableRename(text(), texts(), text()));
      }
      List<ColumnRename> columnRenames = new ArrayList<>();
      for (int i = count(); i > 0; i--) {
        columnRenames.add(new ColumnRename(text(), text(), texts(), text()));
      }
      List<SequenceRename> sequenceRenames = new ArrayList<>();
      for (int i = count(); i > 0; i--) {
        sequenceRenames.add(new SequenceRename(text(), text(), text()));
      }
      return new EntityModel(schema, new Renames(tableRenames, columnRenames, sequenceRenames));
    }

    Table table() throws IOException {
      String name = text();
      List<Column> columns = new ArrayList<>();
      for (int i = count(); i > 0; i--) {
        columns.add(new Column(text(), type(), in.readBoolean(), in.readBoolean(), text(), text()));
      }
      Optional<PrimaryKey> primaryKey = in.readBoolean() ? Optional.of(new PrimaryKey(text(), texts())) : Optional.empty();
      List<UniqueConstraint> uniques = new ArrayList<>();
      for (int i = count(); i > 0; i--) {
        uniques.add(new UniqueConstraint(text(), texts()));
      }
      List<ForeignKey> foreignKeys = new ArrayList<>();
      for (int i = count(); i > 0; i--) {
        foreignKeys.add(new ForeignKey(text(), texts(), text(), texts(), action(text()), action(text())));
      }
      List<CheckConstraint> checks = new ArrayList<>();
      for (int i = count(); i > 0; i--) {
        checks.add(new CheckConstraint(text(), text()));
      }
      List<Index> indexes = new ArrayList<>();
      for (int i = count(); i > 0; i--) {
        String indexName = text();
        List<IndexColumn> indexColumns = new ArrayList<>();
        for (int j = count(); j > 0; j--) {
          indexColumns.add(new IndexColumn(text(), in.readBoolean()));
        }
        indexes.add(new Index(indexName, indexColumns, in.readBoolean(), text(), in.readBoolean()));
      }
      return new Table(name, columns, primaryKey, uniques, foreignKeys, checks, indexes, text());
    }

    static ReferentialAction action(String name) {
      return name == null ? null : ReferentialAction.valueOf(name);
    }

    SqlType type() throws IOException {
      return new SqlType(SqlType.Kind.valueOf(text()), number(), number(), number(), text());
    }

    Integer number() throws IOException {
      return in.readBoolean() ? in.readInt() : null;
    }

    int count() throws IOException {
      int count = in.readInt();
      if (count < 0) {
        throw new IOException("negative count");
      }
      return count;
    }

    List<String> texts() throws IOException {
      List<String> values = new ArrayList<>();
      for (int i = count(); i > 0; i--) {
        values.add(text());
      }
      return values;
    }

    String text() throws IOException {
      int length = in.readInt();
      if (length < 0) {
        return null;
      }
      return new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }
  }
}
