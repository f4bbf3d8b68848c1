# Sourced by ./kedja and .ci/run: sets JAVA_HOME to a JDK >= 21, or says what to install and exits.

kedja_java_major() {
	"$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p'
}

kedja_find_jdk() {
	local candidate major
	for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/* /opt/java/* "$HOME"/.sdkman/candidates/java/* \
		/Library/Java/JavaVirtualMachines/*/Contents/Home; do
		[ -n "$candidate" ] && [ -x "$candidate/bin/java" ] && [ -x "$candidate/bin/javac" ] || continue
		major=$(kedja_java_major "$candidate")
		if [ "${major:-0}" -ge 21 ] 2>/dev/null; then
			echo "$candidate"
			return 0
		fi
	done
	return 1
}

if ! JAVA_HOME=$(kedja_find_jdk); then
	echo "Kedja needs a JDK 21 or newer (e.g. Temurin 21 from https://adoptium.net); none found in JAVA_HOME or the usual places." >&2
	exit 1
fi
export JAVA_HOME
