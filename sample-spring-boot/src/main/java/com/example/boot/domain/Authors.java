package com.example.boot.domain;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface Authors extends JpaRepository<Author, Integer> {
  Optional<Author> findByFullName(String fullName);
}
