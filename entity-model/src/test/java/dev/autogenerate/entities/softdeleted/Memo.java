package dev.autogenerate.entities.softdeleted;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
public class Memo {
  @Id Long id;
  String text;
}
