package dev.autogenerate.cli.daemon.warmup;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One of the two entities a new daemon reads and migrates before it takes a command
 * ({@code cli.daemon.DaemonWarmUp}); nothing else maps it. Its package holds nothing else, so the
 * warm-up's {@code entities} setting finds these two only.
 */
@Entity
@Table(name = "warm_up_owners")
public class WarmUpOwner {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, length = 80, unique = true)
  private String name;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected WarmUpOwner() {}
}
