package dev.tandem.document;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The configured ceilings: documents loaded at once, sessions per document. */
class CapacityTest extends ServiceFixture {

    @Test
    void aJoinThatWouldLoadOneDocumentTooManyIsRefusedWithCapacity() {
        start(SMALL.withCapacity(2, 10));
        join("one", "ana-00001");
        join("two", "bob-00001");

        Editor third = track(Editor.join(service, "three", "cy-000001"));
        third.awaitEnded();
        assertThat(third.ended).isEqualTo(Participant.End.CAPACITY);
        assertThat(service.loadedDocuments()).isEqualTo(2);

        join("one", "dan-00001"); // a loaded document still takes joins
    }

    @Test
    void aSessionOverTheCeilingOfADocumentIsRefusedAndALeaveMakesRoom() {
        start(SMALL.withCapacity(10, 2));
        Editor ana = join("notes", "ana-00001");
        Editor bob = join("notes", "bob-00001");

        Editor cy = track(Editor.join(service, "notes", "cy-000001"));
        cy.awaitEnded();
        assertThat(cy.ended).isEqualTo(Participant.End.CAPACITY);

        bob.leave();
        // the leave runs on the lane: the seat is free once the others have heard of it
        ana.await(() -> ana.presence.stream().anyMatch(event -> event.startsWith("leave ")), "bob's leave");
        join("notes", "dan-00001");
    }
}
