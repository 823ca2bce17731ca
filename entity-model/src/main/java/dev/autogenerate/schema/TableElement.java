package dev.autogenerate.schema;

/**
 * Something declared inside {@code create table (...)}: a column or a table constraint. This is
 * what lets a migration say {@code op.createTable("users", column(...), primaryKey("id"))}.
 */
public sealed interface TableElement permits Column, TableConstraint {}
