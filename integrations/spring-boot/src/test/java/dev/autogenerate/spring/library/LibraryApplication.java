package dev.autogenerate.spring.library;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A small Spring Boot application with JPA, its entities here and its migrations in {@code .migrations}. */
@SpringBootApplication(proxyBeanMethods = false)
public class LibraryApplication {}
