package com.example.boot.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import java.time.LocalDate;

@Entity
public class Book {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Integer id;

  @Column(nullable = false, length = 200)
  private String title;

  private LocalDate publishedOn;

  @ManyToOne(optional = false)
  private Author author;

  protected Book() {}

  public Book(String title, LocalDate publishedOn, Author author) {
    this.title = title;
    this.publishedOn = publishedOn;
    this.author = author;
  }

  public Integer getId() {
    return id;
  }

  public String getTitle() {
    return title;
  }

  public LocalDate getPublishedOn() {
    return publishedOn;
  }

  public Author getAuthor() {
    return author;
  }
}
