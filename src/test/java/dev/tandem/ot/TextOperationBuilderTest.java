package dev.tandem.ot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The builder hands its arrays to the operation it builds when they fit exactly (no copy); it must copy them before changing them again. */
class TextOperationBuilderTest {

    @Test
    void changingABuilderAfterBuildLeavesTheBuiltOperationAsItWas() {
        TextOperation.Builder builder = TextOperation.builder();
        for (int i = 0; i < 8; i++) { // exactly the initial capacity: the arrays are handed over
            if (i % 2 == 0) {
                builder.retain(1);
            } else {
                builder.insert("x");
            }
        }
        TextOperation built = builder.build();
        assertThat(built.toString()).isEqualTo("[1,\"x\",1,\"x\",1,\"x\",1,\"x\"]");

        builder.insert("y").retain(2).delete(3);
        assertThat(built.toString()).isEqualTo("[1,\"x\",1,\"x\",1,\"x\",1,\"x\"]");
        assertThat(built.baseLength()).isEqualTo(4);
        assertThat(builder.build().toString()).isEqualTo("[1,\"x\",1,\"x\",1,\"x\",1,\"xy\",2,-3]");
    }

    @Test
    void mergingIntoTheLastComponentAfterBuildLeavesTheBuiltOperationAsItWas() {
        TextOperation.Builder builder = TextOperation.builder();
        for (int i = 0; i < 8; i++) {
            builder.retain(1).delete(1);
        }
        TextOperation built = builder.build(); // 16 components: grown, then handed over
        builder.delete(5);
        assertThat(built.isDelete(15)).isTrue();
        assertThat(built.length(15)).isEqualTo(1);
        assertThat(builder.build().length(15)).isEqualTo(6);
    }

    @Test
    void transformedKeystrokesAreStillIndependentOperations() {
        TextOperation a = TextOperation.builder().retain(3).insert("x").retain(7).build();
        TextOperation b = TextOperation.builder().retain(5).delete(1).retain(4).build();
        TextOperation.Pair primes = TextOperation.transform(a, b);
        String base = "0123456789";
        assertThat(primes.bPrime().apply(a.apply(base))).isEqualTo(primes.aPrime().apply(b.apply(base)));
        assertThat(primes.aPrime().toString()).isEqualTo("[3,\"x\",6]");
        assertThat(primes.bPrime().toString()).isEqualTo("[6,-1,4]");
    }
}
