package dev.autogenerate.project;

import dev.autogenerate.changes.Change;
import dev.autogenerate.database.Ddl;
import dev.autogenerate.database.SqlIdentifiers;
import dev.autogenerate.operations.ExecuteSql;
import dev.autogenerate.schema.Column;
import dev.autogenerate.schema.Schema;
import dev.autogenerate.schema.Sequence;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The serial columns a first baseline adopts, written as serials: their sequence, their
 * {@code nextval()} default, and the sequence {@code owned by} the column, which is what
 * {@code serial} creates. The comparison reads a serial as an identity; written so, a database
 * built from the migrations had an identity where the adopted one has a serial, and an entity
 * taking its ids from the serial's sequence ({@code @SequenceGenerator(sequenceName =
 * "addr_id_seq")}, as the README advises) found no such sequence there: check wanted it created and
 * the identity dropped, and the migration -m wrote failed on both databases (a user test).
 *
 * @param schema the adopted schema with each serial as its parts: a plain column with the
 *     sequence's default, and the sequence of its own
 * @param owning what makes each sequence its column's again, after the tables
 * @param disowning what the downgrade runs first, so that dropping the table leaves the
 *     sequence for its own drop step
 */
record AdoptedSerials(Schema schema, List<Change> owning, List<Change> disowning) {

  AdoptedSerials {
    owning = List.copyOf(owning);
    disowning = List.copyOf(disowning);
  }

  static AdoptedSerials in(Schema adopted) {
    Schema schema = adopted;
    List<Change> owning = new ArrayList<>();
    List<Change> disowning = new ArrayList<>();
    for (Sequence sequence : adopted.sequences().values()) {
      String owner = sequence.ownedBy();
      if (owner == null || sequence.ofIdentity()) {
        // An identity's own sequence: the identity column, written as one, makes it again.
        continue;
      }
      String table = owner.substring(0, owner.lastIndexOf('.'));
      String column = owner.substring(owner.lastIndexOf('.') + 1);
      Optional<Column> serial = adopted.table(table).flatMap(each -> each.column(column)).filter(Column::identity);
      if (serial.isEmpty()) {
        continue;
      }
      String nextval = "nextval(" + Ddl.literal(Ddl.qualifiedName(sequence.name())) + "::regclass)";
      schema = schema.withTable(schema.requireTable(table)
              .withColumnReplaced(column, each -> each.withIdentity(false).withNullable(false).defaultSql(nextval)))
          .withoutSequence(sequence.name())
          .withSequence(new Sequence(sequence.name(), sequence.startWith(), sequence.incrementBy()));
      String sequenceName = Ddl.qualifiedName(sequence.name());
      owning.add(Change.of(new ExecuteSql("alter sequence " + sequenceName + " owned by " + Ddl.qualifiedName(table)
          + "." + SqlIdentifiers.quote(column)), "sequence " + sequence.name() + " is " + owner + "'s, as serial makes it"));
      disowning.add(Change.of(new ExecuteSql("alter sequence " + sequenceName + " owned by none"),
          "sequence " + sequence.name() + " left to its own drop below"));
    }
    return new AdoptedSerials(schema, owning, disowning);
  }
}
