package se.kedja.identity.accounts;

import java.util.List;

/**
 * Which projects (and sites) a user is assigned to, as {@code project} or
 * {@code project/site}.
 */
public interface Assignments {

	List<String> of(String userId);

}
