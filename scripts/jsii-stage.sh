#!/usr/bin/env bash
# Compiles the library with jsii in a staging folder (the published package's sources with a jsii
# package.json: cdktf and constructs as peers, yaml bundled) and writes API.md with jsii-docgen.
#   scripts/jsii-stage.sh            compile (fails on any jsii error), write API.md, report doc gaps
#   scripts/jsii-stage.sh --strict   the same, and fail on any public member without TSDoc or
#                                    optional prop without @default
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
stage=$root/.jsii-stage
rm -rf "$stage" && mkdir -p "$stage"
cp -r index.ts src constructs generated "$stage/"
ln -s "$root/node_modules" "$stage/node_modules"
node -e '
const pkg = require("./package.json");
const stage = {
  name: pkg.name, version: pkg.version, description: pkg.description, license: pkg.license,
  author: { name: "cdktf-lxd-matchbox authors", organization: false },
  repository: { type: "git", url: "https://example.invalid/cdktf-lxd-matchbox.git" },
  main: "lib/index.js", types: "lib/index.d.ts",
  dependencies: pkg.dependencies, bundledDependencies: Object.keys(pkg.dependencies),
  peerDependencies: { cdktf: pkg.peerDependencies.cdktf, constructs: pkg.peerDependencies.constructs },
  devDependencies: { cdktf: require("cdktf/package.json").version, constructs: require("constructs/package.json").version },
  jsii: { outdir: "dist", targets: {}, tsc: { outDir: "lib", rootDir: "." } },
};
require("fs").writeFileSync(process.argv[1] + "/package.json", JSON.stringify(stage, null, 2));
' "$stage"
cd "$stage"
cp "$root/README.md" .
npx jsii --silence-warnings=reserved-word 2>&1 | grep -v '^!!' | grep -v '^\s*$' || true
test -f .jsii || { echo "jsii failed" >&2; exit 1; }
npx jsii-docgen -o "$root/API.md" 2>&1 | grep -v '^!!' | grep -v '^\s*$' || true
echo "API.md written ($(wc -l < "$root/API.md") lines)"
status=0
report=$(node "$root/scripts/check-api-docs.js" .jsii "${1:-}") || status=$?
echo "$report" | head -n 1
exit "$status"
