package dev.tandem.ot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/** {@link TextOperation#splice} is the builder's operation, made without a builder. */
class TextOperationSpliceTest {

    @Property(tries = 5_000)
    void spliceIsTheBuildersOperationAndAppliesAsAStringSplice(
            @ForAll @StringLength(max = 12) String text,
            @ForAll @IntRange(max = 12) int position,
            @ForAll @IntRange(max = 12) int deleted,
            @ForAll @StringLength(max = 3) String inserted) {
        int p = Math.min(position, text.length());
        int d = Math.min(deleted, text.length() - p);
        TextOperation spliced = TextOperation.splice(text.length(), p, d, inserted);
        TextOperation built = TextOperation.builder().retain(p).delete(d).insert(inserted)
                .retain(text.length() - p - d).build();

        assertThat(spliced).isEqualTo(built).hasSameHashCodeAs(built);
        assertThat(spliced.toString()).isEqualTo(built.toString());
        assertThat(spliced.baseLength()).isEqualTo(built.baseLength());
        assertThat(spliced.targetLength()).isEqualTo(built.targetLength());
        assertThat(spliced.apply(text)).isEqualTo(text.substring(0, p) + inserted + text.substring(p + d));
    }

    @Test
    void spliceOutsideTheTextIsRefused() {
        assertThatThrownBy(() -> TextOperation.splice(3, 2, 2, "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("outside a text of length 3");
    }
}
