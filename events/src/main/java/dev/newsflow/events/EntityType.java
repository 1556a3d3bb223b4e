package dev.newsflow.events;

/** The kinds of named entity that enrich recognises. */
public enum EntityType {
    PERSON,
    ORGANIZATION,
    LOCATION
}
