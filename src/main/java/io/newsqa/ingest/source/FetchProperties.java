package io.newsqa.ingest.source;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What ingestion may fetch from ({@code newsqa.fetch.*}); defaults and comments in
 * {@code application.yml}.
 *
 * @param allowedHosts host names, addresses and networks (CIDR) fetched although they are not
 *                     public, e.g. an intranet CMS; empty: public addresses only
 */
@ConfigurationProperties("newsqa.fetch")
public record FetchProperties(List<String> allowedHosts) {

    public FetchAddressPolicy policy() {
        return FetchAddressPolicy.allowing(allowedHosts);
    }
}
