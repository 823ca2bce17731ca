package dev.autogenerate.database.postgres;

import static dev.autogenerate.database.Ddl.literal;

import java.util.List;

/**
 * What PostgreSQL forgets of a view that is dropped and created again around a column's type
 * change ({@code ViewRecreation}): who may read it (its grants, to roles and on columns), its
 * comments, its options ({@code security_barrier}, {@code check_option}), its columns' defaults and
 * its owner. A reporting role would lose its access without a word. They are read from the catalog
 * when the view is dropped, in the database the migration runs on (production's grants are not the
 * developer's), kept in a temporary table until the revision's transaction ends, and given back
 * when a view of that name is created again. A view dropped for good keeps nothing: its entry goes
 * with the transaction.
 */
final class ViewKeeping {

  /** Lives for the transaction: a revision's, or the single transaction of several. */
  private static final String TABLE = "pg_temp.autogenerate_kept_views";

  private ViewKeeping() {}

  /** The statements that read what the view would lose, run right before its drop. */
  static List<String> keep(String qualifiedName) {
    String view = literal(qualifiedName);
    String grantee = "case when x.grantee = 0 then 'public' else quote_ident(g.rolname) end";
    String grantOption = "case when x.is_grantable then ' with grant option' else '' end";
    return List.of(
        "create temporary table if not exists autogenerate_kept_views (name text primary key, restore text[] not null)"
            + " on commit drop",
        "insert into " + TABLE + " (name, restore) select " + view + ", array(select statement from ("
            // The view's grants, but the owner's own, which creating it gives back.
            + "select 1, format('grant %s on %s to %s%s', x.privilege_type, " + view + ", " + grantee + ", "
            + grantOption + ") from aclexplode(c.relacl) x left join pg_roles g on g.oid = x.grantee"
            + " where x.grantee <> c.relowner"
            + " union all select 2, format('grant %s (%I) on %s to %s%s', x.privilege_type, a.attname, " + view + ", "
            + grantee + ", " + grantOption + ") from pg_attribute a cross join lateral aclexplode(a.attacl) x"
            + " left join pg_roles g on g.oid = x.grantee where a.attrelid = c.oid and x.grantee <> c.relowner"
            + " union all select 3, format('alter view %s set (%s)', " + view + ", array_to_string(c.reloptions, ', '))"
            + " where c.reloptions is not null"
            + " union all select 4, format('comment on view %s is %L', " + view + ", d.description)"
            + " from pg_description d where d.objoid = c.oid and d.classoid = 'pg_class'::regclass and d.objsubid = 0"
            + " union all select 5, format('comment on column %s.%I is %L', " + view + ", a.attname, d.description)"
            + " from pg_description d join pg_attribute a on a.attrelid = d.objoid and a.attnum = d.objsubid"
            + " where d.objoid = c.oid and d.classoid = 'pg_class'::regclass and d.objsubid > 0"
            + " union all select 6, format('alter view %s alter column %I set default %s', " + view + ", a.attname,"
            + " pg_get_expr(e.adbin, e.adrelid)) from pg_attrdef e join pg_attribute a on a.attrelid = e.adrelid"
            + " and a.attnum = e.adnum where e.adrelid = c.oid"
            // Last: another owner than the one migrating may not take the grants above from it.
            + " union all select 7, format('alter view %s owner to %I', " + view + ", o.rolname) from pg_roles o"
            + " where o.oid = c.relowner and o.rolname <> current_user"
            + ") kept (step, statement) order by step, statement)"
            + " from pg_class c where c.oid = to_regclass(" + view + ")"
            + " on conflict (name) do update set restore = excluded.restore");
  }

  /**
   * The statement, run right after a view's creation, that gives back what its drop kept, if any.
   * What was kept for a column the view no longer has (an {@code @View} entity's new query) goes
   * with the column, and a column default that no longer fits the column's new type (a text
   * default on a column made numeric, found by a user test) goes too, as it could not be set.
   */
  static String giveBack(String qualifiedName) {
    String view = literal(qualifiedName);
    return "do $kept$ declare statement text; begin if to_regclass('" + TABLE + "') is not null then"
        + " for statement in execute format('select unnest(restore) from " + TABLE + " where name = %L', " + view
        + ") loop begin execute statement; exception when undefined_column or datatype_mismatch then null; end; end loop;"
        + " execute format('delete from " + TABLE + " where name = %L', " + view + "); end if; end $kept$";
  }
}
