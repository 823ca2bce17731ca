package com.example.boot;

import com.example.boot.domain.Author;
import com.example.boot.domain.Authors;
import com.example.boot.domain.Book;
import com.example.boot.domain.Books;
import java.time.LocalDate;
import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The Spring Boot sample: with autogenerate-spring-boot-starter on its class path, its migrations
 * ({@code com.example.boot.migrations}) run on its data source before JPA starts, JPA then
 * validates the schema (application.properties), and this writes a book once and reads it back.
 */
@SpringBootApplication(proxyBeanMethods = false)
public class SampleBootApplication {

  public static void main(String[] args) {
    SpringApplication.run(SampleBootApplication.class, args);
  }

  @Bean
  CommandLineRunner greet(Authors authors, Books books, TransactionTemplate transactions) {
    return args -> transactions.executeWithoutResult(status -> {
      Author author = authors.findByFullName("Ursula K. Le Guin")
          .orElseGet(() -> authors.save(new Author("Ursula K. Le Guin")));
      if (books.findByAuthor(author).isEmpty()) {
        books.save(new Book("The Dispossessed", LocalDate.of(1974, 5, 1), author));
      }
      books.findByAuthor(author).forEach(book ->
          System.out.println("Hello " + book.getTitle() + " by " + author.getFullName()));
    });
  }
}
