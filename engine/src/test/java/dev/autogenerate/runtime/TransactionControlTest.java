package dev.autogenerate.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The statements of raw SQL that begin or end a transaction, read outside quotes, comments and bodies. */
class TransactionControlTest {

  @Test
  void findsAStatementEndingOrBeginningTheTransaction() {
    assertEquals(Optional.of("commit"), TransactionControl.first("update t set v = v * 10; commit; select 1/0"));
    assertEquals(Optional.of("rollback"), TransactionControl.first("alter table t add c int;\nROLLBACK"));
    assertEquals(Optional.of("begin"), TransactionControl.first("BEGIN;\nUPDATE t SET v = v + 1;\nCOMMIT;"));
    assertEquals(Optional.of("start transaction"), TransactionControl.first("start  transaction isolation level serializable"));
    assertEquals(Optional.of("end"), TransactionControl.first("insert into t values (1); end"));
    assertEquals(Optional.of("abort"), TransactionControl.first("-- undo\nabort;"));
    assertEquals(Optional.of("prepare transaction"), TransactionControl.first("prepare transaction 'x'"));
    assertEquals(Optional.of("commit"), TransactionControl.first("update t set v = ';'; /* ; */ commit"));
    // A comment right before the statement's end (found by a review: the end was lost with it).
    assertEquals(Optional.of("commit"), TransactionControl.first("insert into t values (42) /* seed */; commit"));
    assertEquals(Optional.of("commit"), TransactionControl.first("update t set x = 1 -- fix\n; commit;"));
    // Found by the same review: a column named begin, an escaped quote in an escape string.
    assertEquals(Optional.of("commit"), TransactionControl.first("create table periods (id int, begin date); commit;"));
    assertEquals(Optional.of("commit"), TransactionControl.first("select E'it\\'s'; commit;"));
    assertEquals(Optional.of("commit"), TransactionControl.first("select a$b$c from t; commit;"));
  }

  @Test
  void passesOverWhatStaysInTheTransaction() {
    for (String sql : new String[] {
        "update t set note = 'commit; rollback'",
        "update t set \"commit\" = 1",
        "-- commit\nupdate t set v = 1",
        "/* begin; */ update t set v = 1",
        "savepoint a; update t set v = 1; rollback to savepoint a; release savepoint a",
        "rollback to a",
        "rollback transaction to savepoint s",
        "rollback work to savepoint s",
        "insert into m values (E'Can\\'t save; commit failed')",
        "do $$ begin update t set v = 1; commit; end $$",
        "create function f() returns trigger language plpgsql as $body$ begin return new; end $body$;"
            + " select 1",
        "create trigger tr after insert on t begin update u set n = n + 1; update u set m = case when n > 1"
            + " then 1 else 0 end; end; select 2",
        "create function g() returns int language sql begin atomic select 1; end",
        "prepare q as select $1; execute q(1)",
        "select $1::int, begin_at from t",
        "update t set begin_at = now()",
    }) {
      assertEquals(Optional.empty(), TransactionControl.first(sql), sql);
    }
  }
}
