package com.example.mods.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The entity edited and compiled since the last install (profile edited). */
@Entity
@Table(name = "customers")
public class Customer {
  @Id Long id;
  String name;
  String email;
}
