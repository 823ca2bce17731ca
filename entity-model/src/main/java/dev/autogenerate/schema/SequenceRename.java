package dev.autogenerate.schema;

import java.util.Objects;

/**
 * A sequence the entities use that had another name before ({@code @SequenceGenerator(sequenceName
 * = ...)} changed): the comparison renames the old sequence instead of dropping it and creating
 * this one at its start, so the ids it hands out next do not collide with the rows already there.
 *
 * @param sequence the sequence's name now, as the entities' schema names it
 * @param from its earlier name, as the database holds it, in the same schema
 * @param statedBy where the rename was stated, for messages: {@code --rename orders_seq=order_ids}
 */
public record SequenceRename(String sequence, String from, String statedBy) {

  public SequenceRename {
    Identifiers.requireValid(sequence, "renamed sequence");
    Identifiers.requireValid(from, "a sequence rename's old name");
    Identifiers.requireValid(statedBy, "where a rename is stated");
    if (!Objects.equals(Schema.schemaOf(from), Schema.schemaOf(sequence))) {
      throw new IllegalArgumentException(statedBy + ": sequence " + from + " is in another schema than " + sequence
          + ", and a rename does not move a sequence between schemas");
    }
  }
}
