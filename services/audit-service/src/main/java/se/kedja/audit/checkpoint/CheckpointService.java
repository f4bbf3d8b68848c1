package se.kedja.audit.checkpoint;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

import se.kedja.events.ProjectId;
import se.kedja.events.Topics;

/** Takes, keeps and checks signed checkpoints over the case heads of a project. */
@Service
public class CheckpointService {

	private static final Logger log = LoggerFactory.getLogger(CheckpointService.class);

	private final CheckpointStore store;

	private final SigningKeys keys;

	private final Clock clock;

	CheckpointService(CheckpointStore store, SigningKeys keys, Clock clock) {
		this.store = store;
		this.keys = keys;
		this.clock = clock;
	}

	/** Heads and positions are read in one snapshot, so they describe the same moment. */
	@Transactional(isolation = Isolation.REPEATABLE_READ)
	public Checkpoint take(ProjectId project) {
		List<CaseHead> heads = store.headsOf(project.value()).stream().sorted(Checkpoint.LEAF_ORDER).toList();
		if (heads.isEmpty()) {
			throw new UnknownProject(project);
		}
		List<ConsumedPosition> positions = store.positions(Topics.CASE_EVENTS.name());
		UUID id = UUID.randomUUID();
		Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
		String root = Checkpoint.merkleRootOf(heads);
		SigningKey key = keys.current();
		String signature = key.sign(Checkpoint.signedContent(id, project.value(), now, root, positions));
		Checkpoint checkpoint = new Checkpoint(id, project.value(), now, root, heads, positions, Checkpoint.ALGORITHM,
				key.keyId(), key.publicKeyBase64(), signature);
		store.insert(checkpoint);
		return checkpoint;
	}

	public Optional<Checkpoint> find(UUID checkpointId) {
		return store.find(checkpointId);
	}

	/**
	 * Refuses a checkpoint this service did not sign, whose signature does not hold, or
	 * whose heads do not give its Merkle root.
	 */
	public void requireAuthentic(Checkpoint checkpoint) {
		if (!complete(checkpoint)) {
			throw new CheckpointRejected("it lacks some of a checkpoint's fields");
		}
		if (!checkpoint.rootMatchesHeads()) {
			throw new CheckpointRejected("the Merkle root does not match the heads");
		}
		if (!Ed25519.verify(checkpoint.publicKey(), checkpoint.signedContent(), checkpoint.signature())) {
			throw new CheckpointRejected("the signature does not verify");
		}
		if (!keys.isOwn(checkpoint.publicKey())) {
			throw new CheckpointRejected("it was signed with a key this service does not hold");
		}
	}

	/**
	 * Every field an exported checkpoint has; a body without them is refused, not a 500.
	 */
	private static boolean complete(Checkpoint checkpoint) {
		return checkpoint.checkpointId() != null && checkpoint.projectId() != null && checkpoint.createdAt() != null
				&& checkpoint.merkleRoot() != null && checkpoint.heads() != null && checkpoint.positions() != null
				&& checkpoint.algorithm() != null && checkpoint.keyId() != null && checkpoint.publicKey() != null
				&& checkpoint.signature() != null
				&& checkpoint.heads()
					.stream()
					.allMatch((head) -> head != null && head.participantId() != null && head.lastHash() != null)
				&& checkpoint.positions().stream().allMatch((position) -> position != null && position.topic() != null);
	}

	@Scheduled(fixedDelayString = "${kedja.audit.checkpoint.interval:PT1H}",
			initialDelayString = "${kedja.audit.checkpoint.interval:PT1H}")
	void takeForEveryProject() {
		for (String project : store.projects()) {
			try {
				Checkpoint checkpoint = take(ProjectId.of(project));
				log.info("Checkpoint {} of project {}: root {} over {} cases", checkpoint.checkpointId(), project,
						checkpoint.merkleRoot(), checkpoint.heads().size());
			}
			catch (RuntimeException ex) {
				log.warn("No checkpoint of project {} this time", project, ex);
			}
		}
	}

}
