package dev.autogenerate.cli.daemon.warmup;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.UUID;

/** The other entity a new daemon warms up with ({@link WarmUpOwner}): a key to it, an index, a few types. */
@Entity
@Table(name = "warm_up_items", indexes = @Index(name = "ix_warm_up_items_label", columnList = "label"))
public class WarmUpItem {

  @Id
  private UUID id;

  @Column(length = 40)
  private String label;

  @Column(precision = 10, scale = 2)
  private BigDecimal price;

  private boolean active;

  @ManyToOne(optional = false)
  private WarmUpOwner owner;

  protected WarmUpItem() {}
}
