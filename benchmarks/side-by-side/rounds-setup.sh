# Sourced by query-rounds.sh and indexing-rounds.sh before their rounds: compiles the Java peer into RAW/classes,
# builds the .NET benchmark into RAW/bin, and records the commit measured. Needs HERE, ROOT, PEERS and RAW set.
. "$HERE/peer-classpath.sh"
rm -rf "$RAW/classes" && mkdir -p "$RAW/classes"
javac -encoding UTF-8 -d "$RAW/classes" -cp "$CP" "$PEERS"/lucene/src/peer/*.java
( cd "$ROOT" && dotnet build -c Release benchmarks/SearchEngine.Benchmarks -o "$RAW/bin" -v q -nologo >"$RAW/dotnet-build.log" 2>&1 )
git -C "$ROOT" rev-parse --short HEAD > "$RAW/commit.txt"
