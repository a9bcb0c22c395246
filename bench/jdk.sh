# Sourced by the bench scripts: points JAVA_HOME at a JDK 21+ — $JAVA_HOME when it is one, else the newest
# /usr/lib/jvm/temurin-* — or stops with what to do.
java_major() {
    "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p'
}

if [[ -z "${JAVA_HOME:-}" || ! -x "$JAVA_HOME/bin/java" || "$(java_major "$JAVA_HOME")" -lt 21 ]]; then
    newest="$(ls -d /usr/lib/jvm/temurin-* 2>/dev/null | sort -V | tail -n 1 || true)"
    if [[ -z "$newest" || "$(java_major "$newest")" -lt 21 ]]; then
        echo "Needs JDK 21 or newer: set JAVA_HOME to one (no /usr/lib/jvm/temurin-* 21+ found)." >&2
        exit 1
    fi
    export JAVA_HOME="$newest"
fi
