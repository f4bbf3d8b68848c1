package se.kedja.web.clients;

/** What a person does in Kedja; decides the navigation and the start page. */
public enum Role {

	COACH("/caseload"), MANAGER("/dashboard"), AUDITOR("/audit"), ADMINISTRATOR("/admin/projects");

	private final String startPage;

	Role(String startPage) {
		this.startPage = startPage;
	}

	public String startPage() {
		return this.startPage;
	}

}
