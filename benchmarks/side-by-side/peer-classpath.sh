# Sourced by run.sh and query-rounds.sh: sets CP to the jars of Debian's liblucene8-java that the Java peer
# (../shared/peers/lucene) compiles and runs against, the newest of each, or fails naming the one that is missing.
CP=""
for m in core analyzers-common analyzers-smartcn facet highlighter queryparser queries memory; do
  j=$(ls /usr/share/java/lucene-$m-[0-9]*.jar 2>/dev/null | sort -V | tail -1)
  [ -n "$j" ] || { echo "missing /usr/share/java/lucene-$m-*.jar" >&2; exit 1; }
  CP="$CP:$j"
done
CP="${CP#:}"
