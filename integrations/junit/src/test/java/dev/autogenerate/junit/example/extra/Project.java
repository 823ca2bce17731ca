package dev.autogenerate.junit.example.extra;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An entity no migration creates: the migrations do not match the entities with it. */
@Entity
@Table(name = "projects")
public class Project {

  @Id
  private Long id;

  @Column(length = 100)
  private String title;
}
