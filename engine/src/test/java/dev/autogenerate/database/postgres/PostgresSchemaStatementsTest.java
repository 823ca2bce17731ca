package dev.autogenerate.database.postgres;

import static dev.autogenerate.schema.Column.column;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.autogenerate.database.Database;
import dev.autogenerate.operations.AddColumn;
import dev.autogenerate.operations.AddConstraint;
import dev.autogenerate.operations.CreateIndex;
import dev.autogenerate.operations.CreateSequence;
import dev.autogenerate.operations.DropIndex;
import dev.autogenerate.operations.DropSequence;
import dev.autogenerate.operations.DropTable;
import dev.autogenerate.operations.Operation;
import dev.autogenerate.schema.Column;
import dev.autogenerate.schema.DatabaseKind;
import dev.autogenerate.schema.ForeignKey;
import dev.autogenerate.schema.Index;
import dev.autogenerate.schema.IndexColumn;
import dev.autogenerate.schema.Schema;
import dev.autogenerate.schema.Sequence;
import dev.autogenerate.schema.SqlType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** PostgreSQL statements on {@code schema.table} names qualify every object they name. */
class PostgresSchemaStatementsTest {

  private final Database postgres = Database.forKind(DatabaseKind.POSTGRESQL);

  private List<String> statements(Operation operation, Schema before) {
    return postgres.statements(List.of(operation), before);
  }

  @Test
  void everyStatementQualifiesTheSchema() {
    Column note = new Column("note", SqlType.TEXT, true, false, null, "free text");
    assertEquals(List.of("alter table sales.orders add column note text",
            "comment on column sales.orders.note is 'free text'"),
        statements(new AddColumn("sales.orders", note), Schema.EMPTY));
    assertEquals(List.of("create index ix_sales_orders_code on sales.orders (code)"),
        statements(new CreateIndex("sales.orders",
            new Index("ix_sales_orders_code", List.of(IndexColumn.asc("code")), false, null)), Schema.EMPTY));
    assertEquals(List.of("drop index sales.ix_sales_orders_code"),
        statements(new DropIndex("sales.orders", "ix_sales_orders_code"), Schema.EMPTY));
    assertEquals(List.of("drop index ix_users_name"),
        statements(new DropIndex("users", "ix_users_name"), Schema.EMPTY));
    assertEquals(List.of("create sequence sales.orders_seq start with 1 increment by 50"),
        statements(new CreateSequence(new Sequence("sales.orders_seq", 1, 50)), Schema.EMPTY));
    assertEquals(List.of("drop sequence sales.orders_seq"),
        statements(new DropSequence("sales.orders_seq"), Schema.EMPTY));
    assertEquals(List.of("alter table users add constraint fk_users_order_id_sales_orders"
            + " foreign key (order_id) references sales.orders (id)"),
        statements(new AddConstraint("users", ForeignKey.foreignKey("fk_users_order_id_sales_orders",
            List.of("order_id"), "sales.orders", List.of("id"))), Schema.EMPTY));
    assertEquals(List.of("drop table \"Sales\".\"user\""), statements(new DropTable("Sales.user"), Schema.EMPTY));
  }
}
