package dev.tandem.store;

import dev.tandem.ot.TextOperation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The compact binary form of one log row: the consecutive operations a document committed in
 * one round. Written once, read back whole (history, {@code /ops} paging, catch-up).
 *
 * <p>Layout, every number a LEB128 varint (signed ones zigzag-coded):
 * <pre>
 * row       = FORMAT count operation*
 * operation = src seq client name time components
 * src, client, name = string reference: 0 for none (name only), k for the k-th string already
 *             in this row, k + 1 = (strings so far + 1) for a new one, followed by the string
 * seq       = signed varint
 * time      = signed varint: microseconds after the row's time (the row's column)
 * components = count component*, component = (length &lt;&lt; 2 | kind) [units of an insert]
 *             with kind 0 retain, 1 delete, 2 insert
 * string    = length in UTF-16 units, then each unit as a varint
 * </pre>
 * The revision is not stored per operation: the row's key holds the first, and the rest follow
 * one by one. A string is kept as its UTF-16 units, not as UTF-8, so that every Java string
 * (U+0000, an unpaired surrogate) comes back as it was; ASCII still takes one byte a unit. The
 * same src, client and name repeat in a round (one author types several operations), hence the
 * per-row table of strings.
 */
final class BatchCodec {

    /** The first byte of every row; a future layout takes another. */
    private static final int FORMAT = 1;
    private static final int RETAIN = 0;
    private static final int DELETE = 1;
    private static final int INSERT = 2;

    private BatchCodec() {
    }

    /** The row of {@code batch}, whose times are given relative to {@code rowTime} (microsecond instants). */
    static byte[] encode(List<StoredOperation> batch, Instant rowTime) {
        Output out = new Output(32 + 24 * batch.size());
        out.unsigned(FORMAT);
        out.unsigned(batch.size());
        long base = micros(rowTime);
        Map<String, Integer> strings = new HashMap<>();
        for (StoredOperation operation : batch) {
            out.reference(operation.src(), strings);
            out.signed(operation.seq());
            out.reference(operation.client(), strings);
            out.reference(operation.name(), strings);
            out.signed(micros(operation.time()) - base);
            TextOperation op = operation.operation();
            out.unsigned(op.size());
            for (int i = 0; i < op.size(); i++) {
                int kind = op.isRetain(i) ? RETAIN : op.isDelete(i) ? DELETE : INSERT;
                out.unsigned((long) op.length(i) << 2 | kind);
                if (kind == INSERT) {
                    out.units(op.insertedText(i)); // its length is the component's
                }
            }
        }
        return out.bytes();
    }

    /**
     * The operations of a row whose first revision is {@code firstRev}.
     *
     * @throws StoreException when the bytes are not a row of this layout ({@code where} names it)
     */
    static List<StoredOperation> decode(byte[] row, long firstRev, Instant rowTime, String where) {
        Input in = new Input(row, where);
        int format = in.unsignedInt();
        if (format != FORMAT) {
            throw in.corrupt("unknown row format " + format);
        }
        int count = in.unsignedInt();
        List<StoredOperation> operations = new ArrayList<>(Math.min(count, 1024));
        List<String> strings = new ArrayList<>();
        long base = micros(rowTime);
        for (int k = 0; k < count; k++) {
            String src = in.reference(strings, false);
            long seq = in.signed();
            String client = in.reference(strings, false);
            String name = in.reference(strings, true);
            Instant time = instant(base + in.signed());
            int components = in.unsignedInt();
            TextOperation.Builder op = TextOperation.builder();
            for (int i = 0; i < components; i++) {
                long header = in.unsigned();
                int length = Math.toIntExact(header >>> 2);
                switch ((int) (header & 3)) {
                    case RETAIN -> op.retain(length);
                    case DELETE -> op.delete(length);
                    case INSERT -> op.insert(in.units(length));
                    default -> throw in.corrupt("unknown component kind " + (header & 3));
                }
            }
            operations.add(new StoredOperation(firstRev + k, op.build(), src, seq, client, name, time));
        }
        if (!in.atEnd()) {
            throw in.corrupt("bytes left after " + count + " operations");
        }
        return operations;
    }

    private static long micros(Instant time) {
        return Math.addExact(Math.multiplyExact(time.getEpochSecond(), 1_000_000L), time.getNano() / 1_000);
    }

    private static Instant instant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
    }

    /** A growing byte array (not {@code ByteArrayOutputStream}, whose every write takes a lock). */
    private static final class Output {

        private byte[] buffer;
        private int size;

        Output(int capacity) {
            buffer = new byte[capacity];
        }

        private void write(int b) {
            if (size == buffer.length) {
                buffer = Arrays.copyOf(buffer, buffer.length * 2);
            }
            buffer[size++] = (byte) b;
        }

        void unsigned(long value) {
            while ((value & ~0x7FL) != 0) {
                write((int) (value & 0x7F) | 0x80);
                value >>>= 7;
            }
            write((int) value);
        }

        void signed(long value) {
            unsigned(value << 1 ^ value >> 63);
        }

        void units(String text) {
            for (int i = 0; i < text.length(); i++) {
                unsigned(text.charAt(i));
            }
        }

        void reference(String text, Map<String, Integer> strings) {
            if (text == null) {
                unsigned(0);
                return;
            }
            Integer known = strings.get(text);
            if (known != null) {
                unsigned(known + 1);
                return;
            }
            strings.put(text, strings.size());
            unsigned(strings.size());
            unsigned(text.length());
            units(text);
        }

        byte[] bytes() {
            return Arrays.copyOf(buffer, size);
        }
    }

    private static final class Input {

        private final byte[] bytes;
        private final String where;
        private int position;

        Input(byte[] bytes, String where) {
            this.bytes = bytes;
            this.where = where;
        }

        long unsigned() {
            long value = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                if (position >= bytes.length) {
                    throw corrupt("ends inside a number");
                }
                int b = bytes[position++];
                value |= (long) (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    return value;
                }
            }
            throw corrupt("a number longer than 64 bits");
        }

        int unsignedInt() {
            long value = unsigned();
            if (value > Integer.MAX_VALUE) {
                throw corrupt("a count of " + value);
            }
            return (int) value;
        }

        long signed() {
            long value = unsigned();
            return value >>> 1 ^ -(value & 1);
        }

        String units(int length) {
            if (length > bytes.length - position) {
                throw corrupt("a string of " + length + " units in " + (bytes.length - position) + " bytes");
            }
            char[] units = new char[length];
            for (int i = 0; i < length; i++) {
                long unit = unsigned();
                if (unit > Character.MAX_VALUE) {
                    throw corrupt("a UTF-16 unit of " + unit);
                }
                units[i] = (char) unit;
            }
            return new String(units);
        }

        String reference(List<String> strings, boolean nullable) {
            int reference = unsignedInt();
            if (reference == 0) {
                if (!nullable) {
                    throw corrupt("no string where one is required");
                }
                return null;
            }
            if (reference <= strings.size()) {
                return strings.get(reference - 1);
            }
            if (reference != strings.size() + 1) {
                throw corrupt("string reference " + reference + " with " + strings.size() + " strings known");
            }
            String text = units(unsignedInt());
            strings.add(text);
            return text;
        }

        boolean atEnd() {
            return position == bytes.length;
        }

        StoreException corrupt(String reason) {
            return new StoreException("corrupt log row at " + where + ": " + reason + " (byte " + position + " of " + bytes.length + ")");
        }
    }
}
