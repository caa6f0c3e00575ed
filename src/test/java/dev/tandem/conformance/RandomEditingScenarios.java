package dev.tandem.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.ot.TextOperation;
import dev.tandem.testing.HttpApi;
import dev.tandem.testing.OtClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Many editors typing at random into one document, as ot.js clients (one operation in flight,
 * the rest buffered and composed, incoming operations transformed): every copy and the server
 * end with the same text, and every client saw every revision once, in order. The seed is
 * printed; {@code -Dtandem.seed=…} replays a run.
 */
public abstract class RandomEditingScenarios extends Scenarios {

    private static final String ALPHABET = "abcdefghij \nαβ😀";

    @Test
    void manyClientsEditingAtRandomConverge() throws Exception {
        long seed = Long.getLong("tandem.seed", System.nanoTime());
        System.out.println("RandomEditingScenarios seed: " + seed);
        Random random = new Random(seed);
        String doc = doc();
        int clients = 8;
        int edits = 60;
        List<OtClient> editors = new ArrayList<>();
        try {
            for (int i = 0; i < clients; i++) {
                editors.add(OtClient.join(src(), ws(doc)));
            }
            for (int i = 0; i < clients * edits; i++) {
                OtClient editor = editors.get(random.nextInt(clients));
                synchronized (editor) {
                    editor.edit(randomEdit(editor.text(), random));
                }
            }
            for (OtClient editor : editors) {
                editor.awaitSettled();
            }
            // nothing is left to send: every operation sent is one revision
            long head = editors.stream().mapToLong(OtClient::sent).sum();
            for (OtClient editor : editors) {
                editor.awaitRevision(head);
            }
            Map<?, ?> server = (Map<?, ?>) new HttpApi(base()).get("api/docs/" + doc).json();
            assertThat(((Number) server.get("rev")).longValue()).as("seed %d", seed).isEqualTo(head);
            for (OtClient editor : editors) {
                assertThat(editor.text()).as("seed %d", seed).isEqualTo(server.get("text"));
            }
        } finally {
            for (OtClient editor : editors) {
                editor.close();
            }
        }
    }

    /** An insert or a delete at code point boundaries, so that no surrogate pair is split. */
    private static TextOperation randomEdit(String text, Random random) {
        int[] boundaries = text.codePoints().map(Character::charCount).toArray();
        int[] offsets = new int[boundaries.length + 1];
        for (int i = 0; i < boundaries.length; i++) {
            offsets[i + 1] = offsets[i] + boundaries[i];
        }
        int at = offsets[random.nextInt(offsets.length)];
        if (text.isEmpty() || random.nextInt(3) > 0) {
            StringBuilder insert = new StringBuilder();
            int[] alphabet = ALPHABET.codePoints().toArray();
            for (int i = 1 + random.nextInt(4); i > 0; i--) {
                insert.appendCodePoint(alphabet[random.nextInt(alphabet.length)]);
            }
            return TextOperation.builder().retain(at).insert(insert.toString()).retain(text.length() - at).build();
        }
        int startIndex = random.nextInt(offsets.length - 1);
        int endIndex = Math.min(offsets.length - 1, startIndex + 1 + random.nextInt(5));
        int start = offsets[startIndex];
        int end = offsets[endIndex];
        return TextOperation.builder().retain(start).delete(end - start).retain(text.length() - end).build();
    }
}
