package dev.autogenerate.junit.example.spring;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Mapped as a Spring Boot application maps it: {@code displayName} is the column {@code display_name}. */
@Entity
@Table(name = "members")
public class Member {

  @Id
  private Long id;

  private String displayName;
}
