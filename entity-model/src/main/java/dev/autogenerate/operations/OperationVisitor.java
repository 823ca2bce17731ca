package dev.autogenerate.operations;

/**
 * One method per kind of {@link Operation}: whatever must handle every operation (SQL for each
 * database, Java source, the checksum's canonical form) implements this, so that a new operation
 * that some place does not handle is a compile error, not a failure when it runs.
 *
 * @param <R> what each operation becomes
 */
public interface OperationVisitor<R> {

  R createTable(CreateTable operation);

  R dropTable(DropTable operation);

  R renameTable(RenameTable operation);

  R addColumn(AddColumn operation);

  R dropColumn(DropColumn operation);

  R alterColumn(AlterColumn operation);

  R renameColumn(RenameColumn operation);

  R setTableComment(SetTableComment operation);

  R addConstraint(AddConstraint operation);

  R addConstraintNotValid(AddConstraintNotValid operation);

  R validateConstraint(ValidateConstraint operation);

  R addUniqueUsingIndex(AddUniqueUsingIndex operation);

  R dropConstraint(DropConstraint operation);

  R createIndex(CreateIndex operation);

  R createIndexConcurrently(CreateIndexConcurrently operation);

  R dropIndex(DropIndex operation);

  R createSequence(CreateSequence operation);

  R dropSequence(DropSequence operation);

  R alterSequence(AlterSequence operation);

  R renameSequence(RenameSequence operation);

  R advanceSequence(AdvanceSequence operation);

  R createEnumType(CreateEnumType operation);

  R dropEnumType(DropEnumType operation);

  R alterEnumType(AlterEnumType operation);

  R createView(CreateView operation);

  R dropView(DropView operation);

  R lockTimeout(LockTimeout operation);

  R leaveToDatabase(LeaveToDatabase operation);

  R executeSql(ExecuteSql operation);
}
