package dev.tandem.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.document.DocumentService;
import dev.tandem.document.DocumentState;
import dev.tandem.document.JoinRequest;
import dev.tandem.document.Mode;
import dev.tandem.document.Participant;
import dev.tandem.document.Participation;
import dev.tandem.document.Rejection;
import dev.tandem.document.RestoreOutcome;
import dev.tandem.document.VersionOutcome;
import dev.tandem.document.RevisionDiff;
import dev.tandem.document.TextAtRevision;
import dev.tandem.ot.Range;
import dev.tandem.ot.TextOperation;
import dev.tandem.ot.WireResult;
import dev.tandem.store.DocumentSummary;
import dev.tandem.store.NamedVersion;
import dev.tandem.store.StoredOperation;
import jakarta.websocket.CloseReason;
import jakarta.websocket.CloseReason.CloseCodes;
import jakarta.websocket.SendResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

/** One connection's protocol rules against a service that records what it is asked. */
class ConnectionTest {

    private final List<Object> sent = new ArrayList<>();
    private final List<CloseReason> closes = new ArrayList<>();
    private final Outbox outbox = new Outbox((payload, done) -> {
        sent.add(payload);
        done.onResult(new SendResult()); // a reader that keeps up
    }, closes::add, 1 << 20);
    private final RecordingService service = new RecordingService();
    private final Connection connection = new Connection(service, "notes", Mode.EDIT, outbox);

    private static final ClientMessage.Hello HELLO = new ClientMessage.Hello("k3J9xQ2p", "Ana", null);

    @Test
    void onlyHelloAndPingAreAcceptedBeforeHello() {
        connection.receive(new ClientMessage.Op(0, 1, new WireResult.Valid(TextOperation.empty())));
        connection.receive(new ClientMessage.Ping());
        assertThat(sent).hasSize(2);
        assertThat(((ServerMessage.Error) sent.get(0)).code()).isEqualTo("bad-message");
        assertThat(sent.get(1)).isEqualTo(new ServerMessage.Pong());
        assertThat(service.joins).isEmpty();
    }

    @Test
    void aSecondHelloIsABadMessage() {
        connection.receive(HELLO);
        connection.receive(HELLO);
        assertThat(service.joins).hasSize(1);
        assertThat(((ServerMessage.Error) sent.get(0)).code()).isEqualTo("bad-message");
    }

    @Test
    void aRefusedJoinLetsTheClientSayHelloAgain() {
        connection.receive(new ClientMessage.Hello("k3J9xQ2p", null, 9L));
        connection.rejected(new Rejection(Rejection.Code.UNKNOWN_REV, "revision 9 is above the head 0", null));
        connection.receive(HELLO);
        assertThat(service.joins).hasSize(2);
        assertThat(sent).containsExactly(new ServerMessage.Error("unknown-rev", "revision 9 is above the head 0", null));
    }

    @Test
    void anInvalidOperationIsAnsweredWithItsSeqWithoutReachingTheService() {
        connection.receive(HELLO);
        connection.receive(new ClientMessage.Op(0, 8, new WireResult.Invalid("component 0 is not an integer: 1.5")));
        assertThat(sent).containsExactly(new ServerMessage.Error("invalid-op", "component 0 is not an integer: 1.5", 8L));
        assertThat(service.submitted).isEmpty();
    }

    @Test
    void tenBadMessagesInARowCloseWith1008AfterTheTenthAnswer() {
        for (int i = 0; i < 10; i++) {
            connection.badMessage("garbage");
        }
        assertThat(sent).hasSize(10);
        assertThat(closes).extracting(CloseReason::getCloseCode).containsExactly(CloseCodes.VIOLATED_POLICY);
    }

    @Test
    void shutdownClosesWith1001AfterWhatWasAcknowledged() {
        connection.receive(HELLO);
        connection.acknowledged(1, 0);
        connection.ended(Participant.End.SHUTDOWN);
        assertThat(sent).containsExactly(new ServerMessage.Ack(1, 0));
        assertThat(closes).extracting(CloseReason::getCloseCode).containsExactly(CloseCodes.GOING_AWAY);
    }

    @Test
    void storeFailureClosesWith1011AndCapacityWith1013() {
        connection.ended(Participant.End.FAILURE);
        Connection other = new Connection(service, "notes", Mode.EDIT, new Outbox((p, d) -> d.onResult(new SendResult()), closes::add, 1 << 20));
        other.ended(Participant.End.CAPACITY);
        assertThat(closes).extracting(CloseReason::getCloseCode)
                .containsExactly(CloseCodes.UNEXPECTED_CONDITION, CloseCodes.TRY_AGAIN_LATER);
    }

    @Test
    void closingLeavesTheDocument() {
        connection.receive(HELLO);
        connection.closed();
        assertThat(service.left).isTrue();
    }

    /** Records joins, submissions and leaves; answers nothing by itself. */
    private static final class RecordingService implements DocumentService {
        final List<JoinRequest> joins = new ArrayList<>();
        final List<TextOperation> submitted = new ArrayList<>();
        boolean left;

        @Override
        public Participation join(String documentId, JoinRequest request, Participant participant) {
            joins.add(request);
            return new Participation() {
                @Override
                public void submit(long rev, long seq, TextOperation operation) {
                    submitted.add(operation);
                }

                @Override
                public void select(long rev, List<Range> ranges) {
                }

                @Override
                public void leave() {
                    left = true;
                }
            };
        }

        @Override
        public CompletionStage<Boolean> create(String documentId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletionStage<Optional<DocumentState>> get(String documentId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletionStage<TextAtRevision> textAt(String documentId, long rev) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletionStage<RevisionDiff> diff(String documentId, long from, long to) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletionStage<Optional<List<NamedVersion>>> versions(String documentId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletionStage<VersionOutcome> nameVersion(String documentId, long rev, String name, String author) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletionStage<VersionOutcome> renameVersion(String documentId, long rev, String name) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletionStage<VersionOutcome> deleteVersion(String documentId, long rev) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletionStage<RestoreOutcome> restore(String documentId, long rev, String author) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletionStage<Optional<List<dev.tandem.document.AnchoredThread>>> threads(String documentId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletionStage<dev.tandem.document.CommentOutcome> openThread(String documentId, String threadId, String commentId,
                long rev, int from, int to, String text, String author, String src) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletionStage<dev.tandem.document.CommentOutcome> reply(String documentId, String threadId, String commentId,
                String text, String author, String src) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletionStage<dev.tandem.document.CommentOutcome> resolveThread(String documentId, String threadId, boolean resolved,
                String by) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletionStage<dev.tandem.document.CommentOutcome> editComment(String documentId, String commentId, String text,
                String src) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletionStage<dev.tandem.document.CommentOutcome> deleteComment(String documentId, String commentId, String src) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletionStage<List<StoredOperation>> operations(String documentId, long from, long to, int limit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletionStage<Optional<String>> viewToken(String documentId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletionStage<Optional<String>> documentOfViewToken(String token) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletionStage<List<DocumentSummary>> list(int limit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean isHealthy() {
            return true;
        }

        @Override
        public void close() {
        }
    }
}
