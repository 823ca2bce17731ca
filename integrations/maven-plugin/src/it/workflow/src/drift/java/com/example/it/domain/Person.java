package com.example.it.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The entity after a change: a new column, which the database does not have yet. */
@Entity
@Table(name = "people")
public class Person {
  @Id Long id;
  String name;
  Integer age;
}
