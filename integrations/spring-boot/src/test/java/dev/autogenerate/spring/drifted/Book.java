package dev.autogenerate.spring.drifted;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The library's book with a field its migrations do not have yet. */
@Entity
@Table(name = "books")
public class Book {

  @Id
  private Long id;

  @Column(nullable = false, length = 200)
  private String title;

  @Column(length = 20)
  private String isbn;
}
