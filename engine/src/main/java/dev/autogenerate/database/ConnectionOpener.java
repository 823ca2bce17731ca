package dev.autogenerate.database;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Opens another connection to the database a command migrates, as its first one was opened (same
 * server, user and default schema): a data source's {@code getConnection}, or the command line's
 * settings. The caller closes it.
 */
@FunctionalInterface
public interface ConnectionOpener {
  Connection open() throws SQLException;
}
