# Sourced by launch scripts: (re)builds the project's jars when a source is newer than the jar.
moonkey_build_if_needed() {   # $1 = root, $2 = jar path that must exist
  local root="$1" jar="$2"
  if [ -f "$jar" ] && [ -z "$(find "$root" -path "$root/*/target" -prune -o \
        \( -name '*.java' -o -name '*.g4' -o -name 'pom.xml' \) -newer "$jar" -print -quit)" ]; then
    return 0
  fi
  echo "moonkey: building (first run or sources changed)..." >&2
  (cd "$root" && "$MVN" -B -q -ntp -DskipTests package) >&2
}
