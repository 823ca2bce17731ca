package com.example.mods.lib;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "legacy_rows")
public class LegacyRow {
  @Id Long id;
}
