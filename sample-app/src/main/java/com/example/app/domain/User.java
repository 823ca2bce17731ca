package com.example.app.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/** A user of the application; "user" is reserved in SQL, so the table is "users". */
@Entity
@Table(name = "users")
public class User {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, length = 200, unique = true)
  private String email;

  @Column(name = "display_name", length = 100)
  private String displayName;

  @Column(nullable = false)
  private boolean active;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @ManyToOne
  private Team team;

  protected User() {}

  public User(String email, String displayName, Team team, Instant createdAt) {
    this.email = email;
    this.displayName = displayName;
    this.team = team;
    this.createdAt = createdAt;
    this.active = true;
  }

  public Long getId() {
    return id;
  }

  public String getEmail() {
    return email;
  }

  public String getDisplayName() {
    return displayName;
  }

  public boolean isActive() {
    return active;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Team getTeam() {
    return team;
  }
}
