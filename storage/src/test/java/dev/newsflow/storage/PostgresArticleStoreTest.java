package dev.newsflow.storage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The store contract on the real PostgreSQL server, one fresh schema per test. */
class PostgresArticleStoreTest extends ArticleStoreContract {
    private static PostgresDatabase database;

    @BeforeAll
    static void requireServer() {
        database = PostgresDatabase.requireServer();
    }

    @AfterAll
    static void dropSchemas() throws Exception {
        if (database != null) {
            database.close();
        }
    }

    @Override
    ArticleStore openFreshStore() throws Exception {
        return ArticleStore.open(database.freshSchemaUrl());
    }
}
