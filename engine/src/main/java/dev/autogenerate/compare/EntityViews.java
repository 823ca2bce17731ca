package dev.autogenerate.compare;

import dev.autogenerate.changes.Change;
import dev.autogenerate.operations.CreateView;
import dev.autogenerate.schema.Schema;
import dev.autogenerate.schema.View;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The views {@code @View} entities declare, which Hibernate's own DDL would create: one the
 * database lacks is created (after every other step), and one whose query
 * is no longer the query the migrations created it with is created again with the new one
 * ({@link ViewRecreation} drops it, and the views reading it, first). The query is compared with
 * what the migrations recorded, never with the catalog's text, which is the database's rewriting
 * of it ({@code pg_get_viewdef}); so a view of that name that no migration created is the
 * database's, and is left alone, as is a view an entity no longer declares: nothing tells it
 * from a hand-made one.
 *
 * @param created the creations of the views the database lacks, by name ({@link ViewRecreation}
 *     puts them in the order they can run, with the views it creates again)
 * @param requeried the views whose query changed, to be dropped and created again
 * @param notices one line per entity view left alone, for the reviewer
 */
record EntityViews(List<Change> created, Set<String> requeried, List<String> notices) {

  EntityViews {
    created = List.copyOf(created);
    requeried = Set.copyOf(requeried);
    notices = List.copyOf(notices);
  }

  /**
   * @param current the database's schema (with the renames made)
   * @param target the entities' schema, with their views
   * @param recorded what the applied migrations created, when known
   */
  static EntityViews in(Schema current, Schema target, Optional<Schema> recorded) {
    List<Change> created = new ArrayList<>();
    Set<String> requeried = new TreeSet<>();
    List<String> notices = new ArrayList<>();
    for (View wanted : target.views().values()) {
      String name = wanted.name();
      Optional<View> existing = current.view(name);
      if (existing.isEmpty()) {
        if (current.hasTable(name)) {
          notices.add("view " + name + " of an @View entity is a table in the database: left alone");
        } else {
          created.add(Change.of(new CreateView(name, wanted.definition()), "view " + name + " of an @View entity"));
        }
        continue;
      }
      Optional<View> madeByMigrations = recorded.flatMap(schema -> schema.view(name));
      if (madeByMigrations.isEmpty() || sameQuery(madeByMigrations.get().definition(), wanted.definition())) {
        continue;
      }
      if (existing.get().materialized()) {
        notices.add("view " + name + " of an @View entity is a materialized view in the database: left alone");
      } else {
        requeried.add(name);
      }
    }
    return new EntityViews(created, requeried, notices);
  }

  /**
   * Whether two spellings are one query: blanks and comments between tokens and a closing
   * semicolon do not count; everything inside a quoted literal or name does, PostgreSQL's
   * escape strings ({@code E'it\'s'}) and dollar-quoted ones ({@code $$a  b$$}, {@code $tag$...$tag$})
   * included.
   */
  static boolean sameQuery(String one, String other) {
    return normalized(one).equals(normalized(other));
  }

  private static String normalized(String query) {
    StringBuilder collapsed = new StringBuilder();
    String text = query.strip();
    boolean blank = false;
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c) || text.startsWith("--", i) || text.startsWith("/*", i)) {
        // Blanks and comments between tokens are one blank: a comment's apostrophe is no quote.
        if (text.startsWith("--", i)) {
          int end = text.indexOf('\n', i);
          i = end < 0 ? text.length() : end;
        } else if (text.startsWith("/*", i)) {
          int end = text.indexOf("*/", i + 2);
          i = end < 0 ? text.length() : end + 1;
        }
        blank = true;
        i++;
        continue;
      }
      if (blank && !collapsed.isEmpty()) {
        collapsed.append(' ');
      }
      blank = false;
      int end = quotedEnd(text, i);
      collapsed.append(text, i, end);
      i = end;
    }
    String result = collapsed.toString();
    return result.endsWith(";") ? result.substring(0, result.length() - 1).stripTrailing() : result;
  }

  /** Where the token starting at {@code start} ends: after its closing quote when it is quoted, else after its character. */
  private static int quotedEnd(String text, int start) {
    char c = text.charAt(start);
    boolean afterWord = start > 0 && isWordPart(text.charAt(start - 1));
    if (c == '\'' || c == '"') {
      // An escape string (E'...') lets a backslash keep the next character, its own quote included.
      boolean escapes = c == '\'' && start > 0 && (text.charAt(start - 1) == 'E' || text.charAt(start - 1) == 'e')
          && (start < 2 || !isWordPart(text.charAt(start - 2)));
      for (int i = start + 1; i < text.length(); i++) {
        if (escapes && text.charAt(i) == '\\') {
          i++;
        } else if (text.charAt(i) == c && i + 1 < text.length() && text.charAt(i + 1) == c) {
          i++; // a doubled quote is one quote character, in any quoted token
        } else if (text.charAt(i) == c) {
          return i + 1;
        }
      }
      return text.length();
    }
    if (c == '$' && !afterWord) {
      // A dollar quote: $$ or $tag$, up to the same again ($1, a parameter, is no quote).
      int tagEnd = start + 1;
      while (tagEnd < text.length() && isWordPart(text.charAt(tagEnd)) && text.charAt(tagEnd) != '$') {
        tagEnd++;
      }
      boolean tagged = tagEnd < text.length() && text.charAt(tagEnd) == '$'
          && (tagEnd == start + 1 || !Character.isDigit(text.charAt(start + 1)));
      if (tagged) {
        String tag = text.substring(start, tagEnd + 1);
        int close = text.indexOf(tag, tagEnd + 1);
        return close < 0 ? text.length() : close + tag.length();
      }
    }
    return start + 1;
  }

  private static boolean isWordPart(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '$';
  }

  /**
   * Creations of views, each after those whose name its query mentions (a word of its text), in
   * the given order otherwise, and where names loop. A change that is no view's creation (the
   * project's hook may turn one into raw SQL) keeps its place after them.
   */
  static List<Change> ordered(List<Change> creations) {
    List<Change> left = new ArrayList<>();
    List<Change> others = new ArrayList<>();
    for (Change change : creations) {
      (change.operation() instanceof CreateView ? left : others).add(change);
    }
    List<Pattern> patterns = new ArrayList<>(left.stream().map(change -> Pattern.compile(
        "(?i)(?<![\\w$])" + Pattern.quote(Schema.unqualified(name(change))) + "(?![\\w$])")).toList());
    List<Change> ordered = new ArrayList<>();
    while (!left.isEmpty()) {
      int next = 0;
      for (int i = 0; i < left.size(); i++) {
        String query = ((CreateView) left.get(i).operation()).definition();
        boolean waits = false;
        for (int j = 0; j < left.size() && !waits; j++) {
          waits = j != i && !name(left.get(j)).equals(name(left.get(i))) && patterns.get(j).matcher(query).find();
        }
        if (!waits) {
          next = i;
          break;
        }
      }
      ordered.add(left.remove(next));
      patterns.remove(next);
    }
    ordered.addAll(others);
    return ordered;
  }

  private static String name(Change creation) {
    return ((CreateView) creation.operation()).name();
  }
}
