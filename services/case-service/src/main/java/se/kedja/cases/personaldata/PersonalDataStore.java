package se.kedja.cases.personaldata;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import se.kedja.events.ParticipantId;
import se.kedja.events.ProjectId;

/**
 * Personal data in case-service's own tables: the participant's data key (wrapped), the
 * ciphertext, and the fingerprint that finds a second open enrolment of the same person
 * in a project. Erasure deletes the key and the ciphertext (crypto-shredding).
 */
@Repository
public class PersonalDataStore {

	private final JdbcClient jdbc;

	private final PersonalDataSecrets secrets;

	private final JsonMapper json = JsonMapper.builder().build();

	PersonalDataStore(JdbcClient jdbc, PersonalDataSecrets secrets) {
		this.jdbc = jdbc;
		this.secrets = secrets;
	}

	/**
	 * Stores the person's data for a new case; call inside the enrolment's transaction.
	 * @throws DuplicateEnrolmentException if the person has an open case in the project
	 */
	public void store(ParticipantId participant, ProjectId project, Personnummer personnummer, PersonalData data) {
		try {
			this.jdbc
				.sql("INSERT INTO enrolment_fingerprint (project_id, fingerprint, participant_id) VALUES (?, ?, ?)")
				.params(project.value(), this.secrets.fingerprint(personnummer), participant.value())
				.update();
		}
		catch (DuplicateKeyException ex) {
			throw new DuplicateEnrolmentException(project);
		}
		byte[] dataKey = this.secrets.newDataKey();
		this.jdbc.sql("INSERT INTO participant_data_key (participant_id, wrapped_key) VALUES (?, ?)")
			.params(participant.value(), this.secrets.wrap(dataKey))
			.update();
		this.jdbc.sql("INSERT INTO participant_personal_data (participant_id, ciphertext) VALUES (?, ?)")
			.params(participant.value(), this.secrets.encrypt(dataKey, this.json.writeValueAsBytes(data)))
			.update();
	}

	public Optional<PersonalData> find(ParticipantId participant) {
		List<byte[][]> rows = this.jdbc.sql("""
				SELECT k.wrapped_key, d.ciphertext FROM participant_data_key k
				JOIN participant_personal_data d ON d.participant_id = k.participant_id
				WHERE k.participant_id = ?""")
			.param(participant.value())
			.query((rs, n) -> new byte[][] { rs.getBytes(1), rs.getBytes(2) })
			.list();
		return rows.stream().findFirst().map((row) -> {
			byte[] dataKey = this.secrets.unwrap(row[0]);
			return this.json.readValue(this.secrets.decrypt(dataKey, row[1]), PersonalData.class);
		});
	}

	/** The case is closed: the person may be enrolled in the project again. */
	public void closeEnrolment(ParticipantId participant) {
		this.jdbc.sql("DELETE FROM enrolment_fingerprint WHERE participant_id = ?").param(participant.value()).update();
	}

	/**
	 * The case is open again (its exit was retracted): a second enrolment of the person
	 * in the project is refused again, unless they have another open case there
	 * meanwhile.
	 */
	public void reopenEnrolment(ParticipantId participant, ProjectId project) {
		find(participant).map((data) -> new Personnummer(data.personnummer()))
			.ifPresent((personnummer) -> this.jdbc.sql("""
					INSERT INTO enrolment_fingerprint (project_id, fingerprint, participant_id) VALUES (?, ?, ?)
					ON CONFLICT DO NOTHING""")
				.params(project.value(), this.secrets.fingerprint(personnummer), participant.value())
				.update());
	}

	/**
	 * The keyed hash (HMAC) of a personnummer: identifies a person without the number.
	 */
	public byte[] fingerprint(Personnummer personnummer) {
		return this.secrets.fingerprint(personnummer);
	}

	/** The person's open case in the project, if any. */
	public Optional<ParticipantId> openCase(ProjectId project, Personnummer personnummer) {
		return this.jdbc
			.sql("SELECT participant_id FROM enrolment_fingerprint WHERE project_id = ? AND fingerprint = ?")
			.params(project.value(), this.secrets.fingerprint(personnummer))
			.query(UUID.class)
			.optional()
			.map(ParticipantId::new);
	}

	/** Crypto-shredding: without the key, no copy of the ciphertext can be read again. */
	public boolean erase(ParticipantId participant) {
		UUID id = participant.value();
		closeEnrolment(participant);
		this.jdbc.sql("DELETE FROM participant_personal_data WHERE participant_id = ?").param(id).update();
		return this.jdbc.sql("DELETE FROM participant_data_key WHERE participant_id = ?").param(id).update() > 0;
	}

}
