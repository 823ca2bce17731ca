package com.example.boot.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** Spring Boot's naming gives the table {@code author} and the column {@code full_name}. */
@Entity
public class Author {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Integer id;

  @Column(nullable = false, length = 100, unique = true)
  private String fullName;

  protected Author() {}

  public Author(String fullName) {
    this.fullName = fullName;
  }

  public Integer getId() {
    return id;
  }

  public String getFullName() {
    return fullName;
  }
}
