package dev.autogenerate.compare;

import dev.autogenerate.operations.ColumnChange;

/**
 * One property of a column that differs: the change that fixes it, and how to say so to the
 * reviewer ({@code type integer -> bigint}).
 */
record ColumnDifference(ColumnChange change, String note) {}
