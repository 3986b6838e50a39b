package dev.bookrental.logs;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the logs service.
 *
 * @param opensearch   where OpenSearch answers
 * @param directory    the folder of JSON log files to ship; empty: the folder of this service's own
 *                     log file ({@code logging.file.name}), where the launcher puts every instance's
 * @param checkpoints  the file the shipper keeps its read positions in; empty: beside the log folder
 * @param poll         how often the shipper looks for new lines when there were none
 * @param batchLines   at most this many lines per bulk request
 */
@ConfigurationProperties("bookrental.logs")
public record LogsProperties(@DefaultValue("http://127.0.0.1:9200") URI opensearch, Path directory, Path checkpoints,
        @DefaultValue("200ms") Duration poll, @DefaultValue("2000") int batchLines) {
}
