package io.newsqa.ingest.source;

import io.newsqa.ingest.article.ArticleReadException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which addresses ingestion may fetch from: public ones only, unless allowed by name or network
 * ({@code newsqa.fetch.allowed-hosts}, for a newsroom polling its intranet CMS). A feed or page
 * URL given by an administrator must not make the server read its own loopback services, the
 * cloud metadata endpoint or the internal network and publish what it finds in the archive.
 *
 * <p>Refused: loopback, link-local (169.254/16, fe80::/10, the metadata endpoint), private
 * (10/8, 172.16/12, 192.168/16), shared (100.64/10), unique-local (fc00::/7), multicast,
 * unspecified and reserved addresses, IPv4 addresses inside IPv6 ones (mapped, compatible, NAT64)
 * by the IPv4 address, and numeric hosts in forms other than dotted decimal ({@code 2852039166},
 * {@code 0177.0.0.1}, {@code 0x7f.1}), which resolvers read differently. Names are resolved and
 * every address they resolve to is checked; the HTTP client resolves through the same cache
 * right after (Java keeps a lookup for 30 s), so a name cannot answer differently for the check
 * and the connection in between.
 */
public final class FetchAddressPolicy {

    private static final Pattern NUMERIC_LABEL = Pattern.compile("[0-9]+|0[xX][0-9a-fA-F]*");
    private static final Pattern DOTTED_DECIMAL = Pattern.compile(
            "(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])" + "(\\.(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])){3}");

    private final Set<String> allowedNames;
    private final List<Network> allowedNetworks;

    private FetchAddressPolicy(Set<String> allowedNames, List<Network> allowedNetworks) {
        this.allowedNames = allowedNames;
        this.allowedNetworks = allowedNetworks;
    }

    /** Public addresses only. */
    public static FetchAddressPolicy publicOnly() {
        return new FetchAddressPolicy(Set.of(), List.of());
    }

    /**
     * Public addresses, and these host names or networks whatever they resolve to.
     *
     * @param allowed host names ({@code cms.newsroom.internal}) and addresses or networks in CIDR
     *                notation ({@code 10.20.0.0/16}, {@code 127.0.0.1}, {@code fd00::/8})
     * @throws IllegalArgumentException naming an entry that is neither
     */
    public static FetchAddressPolicy allowing(List<String> allowed) {
        Set<String> names = new HashSet<>();
        List<Network> networks = new ArrayList<>();
        for (String entry : allowed == null ? List.<String>of() : allowed) {
            String value = entry.strip().toLowerCase(Locale.ROOT);
            if (value.isEmpty()) {
                continue;
            }
            if (value.contains("/")
                    || value.contains(":")
                    || DOTTED_DECIMAL.matcher(value).matches()) {
                networks.add(Network.parse(value));
            } else {
                names.add(value);
            }
        }
        return new FetchAddressPolicy(Set.copyOf(names), List.copyOf(networks));
    }

    /**
     * Checks an address before it is fetched: its scheme, its host's form, and every address the
     * host resolves to.
     *
     * @param name how messages name what is fetched (the address as given, or "redirected to ...")
     * @throws ArticleReadException saying why the address is refused
     */
    public void check(String name, URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new ArticleReadException(name + ": refused: only http and https addresses are fetched");
        }
        String host = host(uri);
        if (host == null) {
            throw new ArticleReadException(name + ": refused: the address has no host name (numeric hosts are written"
                    + " as four decimal numbers, e.g. 93.184.216.34)");
        }
        if (allowedNames.contains(host)) {
            return;
        }
        String form = refusedForm(host);
        if (form != null) {
            throw new ArticleReadException(name + ": refused: " + form);
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new ArticleReadException(name + ": unknown host; check the address", e);
        }
        for (InetAddress address : addresses) {
            String reason = refusal(address);
            if (reason != null) {
                throw new ArticleReadException(
                        name + ": refused: " + host + " is " + reason + "; only public addresses are"
                                + " fetched (allow an intranet host with newsqa.fetch.allowed-hosts)");
            }
        }
    }

    /**
     * Why an address given as a literal is refused without resolving anything (for registering a
     * feed, whose name is resolved when it is polled), or {@code null}.
     */
    public String refusedLiteral(URI uri) {
        String host = host(uri);
        if (host == null || allowedNames.contains(host)) {
            return null;
        }
        String form = refusedForm(host);
        if (form != null) {
            return form;
        }
        if (host.equals("localhost") || host.endsWith(".localhost")) {
            return host + " is a loopback address";
        }
        if (!host.contains(":") && !DOTTED_DECIMAL.matcher(host).matches()) {
            return null;
        }
        try {
            String reason = refusal(InetAddress.getByName(host));
            return reason == null ? null : host + " is " + reason;
        } catch (UnknownHostException e) {
            return host + " is not a valid address";
        }
    }

    /** The host without IPv6 brackets, lower case, or {@code null}. */
    private static String host(URI uri) {
        String host = uri.getHost();
        if (host == null || host.isBlank()) {
            return null;
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return host.toLowerCase(Locale.ROOT);
    }

    private static String refusedForm(String host) {
        String[] labels = host.split("\\.");
        String last = labels.length == 0 ? host : labels[labels.length - 1];
        if (!host.contains(":")
                && NUMERIC_LABEL.matcher(last).matches()
                && !DOTTED_DECIMAL.matcher(host).matches()) {
            return host
                    + " is a numeric address in a form other than dotted decimal (octal, hexadecimal or one number),"
                    + " which resolvers read differently; write it as four decimal numbers";
        }
        return null;
    }

    /** Why this address is not public, or {@code null} when it is (or is allowed). */
    private String refusal(InetAddress address) {
        for (Network network : allowedNetworks) {
            if (network.contains(address)) {
                return null;
            }
        }
        if (address.isAnyLocalAddress()) {
            return "the unspecified address";
        }
        if (address.isLoopbackAddress()) {
            return "a loopback address";
        }
        if (address instanceof Inet6Address v6) {
            InetAddress embedded = embeddedIpv4(v6.getAddress());
            if (embedded != null) {
                String reason = refusal(embedded);
                return reason == null ? null : "an IPv6 form of " + embedded.getHostAddress() + ", " + reason;
            }
        }
        if (address.isLinkLocalAddress()) {
            return "a link-local address (cloud metadata endpoints live there)";
        }
        if (address.isSiteLocalAddress()) {
            return "a private address";
        }
        if (address.isMulticastAddress()) {
            return "a multicast address";
        }
        byte[] bytes = address.getAddress();
        int first = bytes[0] & 0xff;
        if (address instanceof Inet4Address) {
            int second = bytes[1] & 0xff;
            if (first == 0 || first >= 240) {
                return "a reserved address";
            }
            if (first == 100 && second >= 64 && second < 128) {
                return "a shared (carrier-grade NAT) address";
            }
            if (first == 192 && second == 0 && bytes[2] == 0 || first == 198 && (second == 18 || second == 19)) {
                return "a reserved address";
            }
        } else if ((first & 0xfe) == 0xfc) {
            return "a unique-local address";
        }
        return null;
    }

    /** The IPv4 address inside an IPv4-compatible (::a.b.c.d) or NAT64 (64:ff9b::a.b.c.d) address. */
    private static InetAddress embeddedIpv4(byte[] v6) {
        boolean compatible = true;
        for (int i = 0; i < 12; i++) {
            compatible &= v6[i] == 0;
        }
        boolean nat64 = v6[0] == 0 && v6[1] == 0x64 && (v6[2] & 0xff) == 0xff && (v6[3] & 0xff) == 0x9b;
        for (int i = 4; nat64 && i < 12; i++) {
            nat64 = v6[i] == 0;
        }
        if (!compatible && !nat64) {
            return null;
        }
        try {
            return InetAddress.getByAddress(new byte[] {v6[12], v6[13], v6[14], v6[15]});
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are an IPv4 address", e);
        }
    }

    /** An allowed network: an address and how many of its leading bits must match. */
    private record Network(byte[] address, int bits) {

        static Network parse(String cidr) {
            int slash = cidr.indexOf('/');
            String literal = slash < 0 ? cidr : cidr.substring(0, slash);
            byte[] address;
            try {
                if (!literal.contains(":") && !DOTTED_DECIMAL.matcher(literal).matches()) {
                    throw new UnknownHostException(literal);
                }
                address = InetAddress.getByName(literal).getAddress();
            } catch (UnknownHostException e) {
                throw invalid(cidr);
            }
            int bits;
            try {
                bits = slash < 0 ? address.length * 8 : Integer.parseInt(cidr.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw invalid(cidr);
            }
            if (bits < 0 || bits > address.length * 8) {
                throw invalid(cidr);
            }
            return new Network(address, bits);
        }

        private static IllegalArgumentException invalid(String entry) {
            return new IllegalArgumentException("newsqa.fetch.allowed-hosts: '" + entry
                    + "' is neither a host name nor an" + " address or network such as 10.20.0.0/16 or fd00::/8");
        }

        boolean contains(InetAddress candidate) {
            byte[] other = candidate.getAddress();
            if (other.length != address.length) {
                return false;
            }
            for (int bit = 0; bit < bits; bit++) {
                int mask = 0x80 >> (bit % 8);
                if ((address[bit / 8] & mask) != (other[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
