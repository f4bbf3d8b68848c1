package se.kedja.support.health;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Up when the broker answers {@code describeCluster} within the timeout; an open port is
 * not enough.
 */
public class KafkaHealthIndicator extends AbstractHealthIndicator implements DisposableBean {

	private final Map<String, Object> adminConfig;

	private final Duration timeout;

	private volatile AdminClient admin;

	public KafkaHealthIndicator(Map<String, Object> adminConfig, Duration timeout) {
		super("Kafka health check failed");
		this.adminConfig = Map.copyOf(adminConfig);
		this.timeout = timeout;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) throws Exception {
		int millis = (int) this.timeout.toMillis();
		DescribeClusterResult cluster = admin().describeCluster(new DescribeClusterOptions().timeoutMs(millis));
		String clusterId = cluster.clusterId().get(millis, TimeUnit.MILLISECONDS);
		int nodes = cluster.nodes().get(millis, TimeUnit.MILLISECONDS).size();
		builder.up().withDetail("clusterId", clusterId).withDetail("nodes", nodes);
	}

	private AdminClient admin() {
		AdminClient current = this.admin;
		if (current == null) {
			synchronized (this) {
				if (this.admin == null) {
					Map<String, Object> config = new java.util.HashMap<>(this.adminConfig);
					config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) this.timeout.toMillis());
					config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) this.timeout.toMillis());
					config.putIfAbsent(AdminClientConfig.CLIENT_ID_CONFIG, "kedja-health");
					this.admin = AdminClient.create(config);
				}
				current = this.admin;
			}
		}
		return current;
	}

	@Override
	public void destroy() {
		AdminClient current = this.admin;
		if (current != null) {
			current.close(Duration.ofSeconds(1));
		}
	}

}
