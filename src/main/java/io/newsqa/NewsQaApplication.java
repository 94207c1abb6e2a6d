package io.newsqa;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The Spring application behind every command; see {@link NewsQa} for the entry point. */
@SpringBootApplication
public class NewsQaApplication {}
