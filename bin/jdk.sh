# Sourced by the scripts in bin/: finds a JDK 21 or newer and exports JAVA_HOME.
# The machine's default java may be older, so look in JAVA_HOME, then PATH, then /usr/lib/jvm/*.

moonkey_java_major() {   # prints the major version of the java binary $1, or nothing
  # The JDK's release file answers without starting a JVM (each start costs tens of milliseconds,
  # paid by every bin/lua run); java -version is the fallback.
  local release major
  release="$(dirname "$(dirname "$1")")/release"
  if [ -f "$release" ]; then
    major=$(sed -n 's/^JAVA_VERSION="\(1\.\)\{0,1\}\([0-9][0-9]*\).*/\2/p' "$release" | head -n 1)
    if [ -n "$major" ]; then echo "$major"; return 0; fi
  fi
  "$1" -version 2>&1 | sed -n 's/.*version "\([0-9][0-9]*\)\(\.[^"]*\)\{0,1\}".*/\1/p' | head -n 1
}

moonkey_find_jdk() {
  local candidates=() c major
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  if command -v javac >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")")
  fi
  for c in /usr/lib/jvm/*; do candidates+=("$c"); done
  for c in "${candidates[@]}"; do
    [ -x "$c/bin/java" ] && [ -x "$c/bin/javac" ] || continue
    major=$(moonkey_java_major "$c/bin/java")
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then
      export JAVA_HOME="$c"
      return 0
    fi
  done
  echo "moonkey: no JDK 21 or newer found (looked at JAVA_HOME, PATH and /usr/lib/jvm/*)." >&2
  echo "moonkey: install one, e.g. 'apt-get install openjdk-21-jdk', or set JAVA_HOME." >&2
  return 1
}

moonkey_find_mvn() {
  if command -v mvn >/dev/null 2>&1; then MVN=mvn; return 0; fi
  echo "moonkey: Maven (mvn) is needed to build; install it with 'apt-get install maven'." >&2
  return 1
}
