package dev.tandem.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The reverse proxies whose {@code X-Forwarded-*} headers Tandem believes
 * ({@code TANDEM_TRUSTED_PROXIES}): IP addresses and CIDR ranges such as {@code 127.0.0.0/8},
 * {@code ::1} or {@code 10.0.0.0/8}. Only literal addresses: a host name would need a DNS lookup
 * on every request, and DNS is not something to trust with this. Immutable; safe for concurrent use.
 */
final class TrustedProxies {

    /** One network: its first {@code bits} bits are what an address must share with {@code address}. */
    private record Range(byte[] address, int bits) {
        boolean contains(byte[] candidate) {
            if (candidate.length != address.length) {
                return false; // IPv4-mapped IPv6 addresses arrive as IPv4 already (InetAddress does that)
            }
            int whole = bits / 8;
            for (int i = 0; i < whole; i++) {
                if (candidate[i] != address[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return rest == 0 || (candidate[whole] & mask) == (address[whole] & mask);
        }
    }

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private final List<Range> ranges;

    private TrustedProxies(List<Range> ranges) {
        this.ranges = ranges;
    }

    /**
     * @param entries addresses and CIDR ranges, as {@code TANDEM_TRUSTED_PROXIES} lists them
     * @throws IllegalArgumentException naming the entry that is neither
     */
    static TrustedProxies of(List<String> entries) {
        return new TrustedProxies(entries.stream().map(TrustedProxies::range).toList());
    }

    private static Range range(String entry) {
        int slash = entry.indexOf('/');
        String address = slash < 0 ? entry : entry.substring(0, slash);
        byte[] bytes = parse(address).orElseThrow(() -> invalid(entry));
        int bits = bytes.length * 8;
        if (slash >= 0) {
            try {
                bits = Integer.parseInt(entry.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw invalid(entry);
            }
            if (bits < 0 || bits > bytes.length * 8) {
                throw invalid(entry);
            }
        }
        return new Range(bytes, bits);
    }

    private static IllegalArgumentException invalid(String entry) {
        return new IllegalArgumentException("TANDEM_TRUSTED_PROXIES: \"" + entry
                + "\" is not an IP address or a CIDR range such as 10.0.0.0/8 or fd00::/8");
    }

    /** Whether {@code address} (as {@code getRemoteAddr()} or {@code X-Forwarded-For} gives it) is a trusted proxy. */
    boolean contains(String address) {
        Optional<byte[]> bytes = parse(address);
        return bytes.isPresent() && ranges.stream().anyMatch(range -> range.contains(bytes.get()));
    }

    boolean isEmpty() {
        return ranges.isEmpty();
    }

    /** The bytes of a literal IPv4 or IPv6 address (brackets and zone left out), or empty if it is not one. */
    static Optional<byte[]> parse(String address) {
        if (address == null) {
            return Optional.empty();
        }
        String literal = address.trim();
        if (literal.startsWith("[") && literal.endsWith("]")) {
            literal = literal.substring(1, literal.length() - 1);
        }
        int zone = literal.indexOf('%');
        if (zone >= 0) {
            literal = literal.substring(0, zone);
        }
        if (IPV4.matcher(literal).matches()) {
            return ipv4(literal);
        }
        if (!IPV6.matcher(literal).matches()) {
            return Optional.empty(); // never a host name: getByName would look it up
        }
        try {
            // with a colon, getByName parses an IPv6 literal and never asks DNS
            return Optional.of(InetAddress.getByName(literal).getAddress());
        } catch (UnknownHostException e) {
            return Optional.empty(); // e.g. ":::"
        }
    }

    /** Parsed here: an IPv4-looking string that InetAddress cannot parse (300.1.1.1) would go to DNS. */
    private static Optional<byte[]> ipv4(String literal) {
        String[] parts = literal.split("\\.");
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            int value = Integer.parseInt(parts[i]);
            if (value > 255) {
                return Optional.empty();
            }
            bytes[i] = (byte) value;
        }
        return Optional.of(bytes);
    }

    static boolean isAddress(String address) {
        return parse(address).isPresent();
    }
}
