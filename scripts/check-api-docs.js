// Reads the jsii assembly (.jsii) and lists public types and members without a TSDoc summary, and
// optional props without @default. Prints the counts; exits 1 with --strict when any is missing.
'use strict';
const fs = require('fs');
const [file, flag] = process.argv.slice(2);
const asm = JSON.parse(fs.readFileSync(file, 'utf8'));
const undocumented = [];
const noDefault = [];
for (const [fqn, t] of Object.entries(asm.types)) {
  if (!t.docs || !t.docs.summary) undocumented.push(fqn);
  for (const m of [...(t.properties || []), ...(t.methods || [])]) {
    const name = `${fqn}#${m.name}`;
    if (!m.docs || !m.docs.summary) undocumented.push(name);
    if (t.kind === 'interface' && m.optional && (!m.docs || m.docs.default === undefined)) noDefault.push(name);
  }
}
console.log(
  `API docs: ${Object.keys(asm.types).length} public types; ${undocumented.length} without a summary; ${noDefault.length} optional props without @default`,
);
for (const n of undocumented) console.log(`  no summary: ${n}`);
for (const n of noDefault) console.log(`  no @default: ${n}`);
if (flag === '--strict' && (undocumented.length || noDefault.length)) process.exit(1);
