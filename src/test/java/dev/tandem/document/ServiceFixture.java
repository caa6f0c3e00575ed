package dev.tandem.document;

import dev.tandem.store.InMemoryDocumentStore;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.ot.TextOperation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/** Builds a service over a store the test can hold and fail, and checks every editor's order at the end. */
abstract class ServiceFixture {

    static final DocumentSettings SMALL = DocumentSettings.defaults().withLaneThreads(2).withStoreThreads(2);

    GatedStore store = new GatedStore(new InMemoryDocumentStore());
    SharedDocumentService service;
    final List<Editor> editors = new ArrayList<>();

    SharedDocumentService start(DocumentSettings settings) {
        service = new SharedDocumentService(store, settings);
        return service;
    }

    SharedDocumentService start() {
        return start(SMALL);
    }

    Editor join(String doc, String src) {
        Editor editor = Editor.join(service, doc, src);
        editors.add(editor);
        editor.awaitWelcome();
        return editor;
    }

    Editor track(Editor editor) {
        editors.add(editor);
        return editor;
    }

    static TextOperation insert(int length, int at, String text) {
        return TextOperation.builder().retain(at).insert(text).retain(length - at).build();
    }

    static TextOperation delete(int length, int at, int n) {
        return TextOperation.builder().retain(at).delete(n).retain(length - at - n).build();
    }

    String textOf(String doc) {
        return service.get(doc).toCompletableFuture().join().orElseThrow().text();
    }

    @AfterEach
    void closeAndCheckOrder() {
        store.release();
        if (service != null) {
            service.close();
        }
        for (Editor editor : editors) {
            synchronized (editor) {
                assertThat(editor.violations).as("order seen by " + editor.src).isEmpty();
            }
        }
    }
}
