package dev.autogenerate.migration;

/**
 * A revision: the schema change it makes and how to undo it. Each implementation carries a
 * {@link Revision} annotation that places it in the history.
 *
 * <p>Both methods only <em>record</em> operations on the {@link Operations} they are given; the
 * runtime decides what to do with them (run them as SQL, print them, replay them onto a schema).
 */
public interface Migration {

  void upgrade(Operations op);

  void downgrade(Operations op);
}
