package com.example.mods.web;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The application the Spring Boot starter would migrate: its migrations go to web.migrations. */
@SpringBootApplication
public class WebApplication {}
