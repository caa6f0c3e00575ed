package dev.tandem.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** {@code viewToken}, {@code documentOfViewToken}: one unguessable read-only token per document. */
interface ViewLinkContract extends StoreContract {

    @Test
    default void aCreatedDocumentHasAWellFormedTokenThatLeadsBackToIt() {
        store().create("notes");

        String token = store().viewToken("notes").orElseThrow();
        assertThat(ViewTokens.isWellFormed(token)).as(token).isTrue();
        assertThat(token).doesNotContain("notes");
        assertThat(store().viewToken("notes")).contains(token);
        assertThat(store().documentOfViewToken(token)).contains("notes");
    }

    @Test
    default void tokensDifferBetweenDocuments() {
        Set<String> tokens = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            store().create("doc-" + i);
            tokens.add(store().viewToken("doc-" + i).orElseThrow());
        }
        assertThat(tokens).hasSize(20);
    }

    @Test
    default void aDocumentCreatedByAnAppendGetsItsTokenOnFirstAsk() {
        appendOrFail("typed", 0, new Typing("ana-0001").type("hi"), 2);

        String token = store().viewToken("typed").orElseThrow();
        assertThat(store().viewToken("typed")).contains(token);
        assertThat(store().documentOfViewToken(token)).contains("typed");
    }

    @Test
    default void unknownDocumentsAndTokensHaveNone() {
        assertThat(store().viewToken("nothing")).isEmpty();
        assertThat(store().documentOfViewToken("AAAAAAAAAAAAAAAAAAAAAA")).isEmpty();
        assertThat(store().documentOfViewToken("nothing")).isEmpty();
    }

    @Test
    default void concurrentFirstAsksAgreeOnOneToken() throws Exception {
        appendOrFail("raced", 0, new Typing("ana-0001").type("x"), 1);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<String>> asks = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                asks.add(() -> store().viewToken("raced").orElseThrow());
            }
            Set<String> seen = new HashSet<>();
            for (Future<String> answer : pool.invokeAll(asks)) {
                seen.add(answer.get());
            }
            assertThat(seen).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
