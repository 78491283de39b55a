/**
 * A jest reporter: when end-to-end suites were skipped (a local run without root or without the
 * real components; CI never skips, see describeE2E in test/e2e/support/prereqs.ts), says so in one
 * line at the very end of the run: how many, why, and how to run them.
 */
'use strict';
const fs = require('fs');
const path = require('path');

/** The start of the reason describeE2E puts at the end of a skipped suite's title (its SKIPPED_MARK). */
const MARK = '(e2e skipped: ';

/** The Debian packages `.ci/run` installs for the end-to-end tests (its `apt-get install` lines). */
function ciPackages(root) {
  try {
    const text = fs.readFileSync(path.join(root, '.ci/run'), 'utf8').replace(/\\\n/g, ' ');
    const words = [...text.matchAll(/apt-get install ([^>\n]*)/g)].flatMap((m) => m[1].trim().split(/\s+/));
    const packages = [
      ...new Set(words.filter((w, i) => !w.startsWith('-') && words[i - 1] !== '-t' && !w.includes('$'))),
    ];
    return packages.length ? packages : undefined;
  } catch {
    return undefined;
  }
}

class E2eSkipReporter {
  constructor(globalConfig) {
    this.root = globalConfig.rootDir;
  }

  onRunComplete(_contexts, results) {
    const reasons = new Set();
    let suites = 0;
    for (const file of results.testResults) {
      const titles = file.testResults.map((t) => t.ancestorTitles[0] || '').filter((t) => t.includes(MARK));
      if (!titles.length) continue;
      suites++;
      for (const t of titles) reasons.add(t.slice(t.lastIndexOf(MARK) + MARK.length, -1));
    }
    if (!suites) return;
    const packages = ciPackages(this.root);
    const what = packages
      ? `the Debian packages .ci/run installs (${packages.join(' ')})`
      : 'the Debian packages .ci/run installs';
    const line =
      `${suites} end-to-end test suite${suites === 1 ? ' was' : 's were'} skipped (${[...reasons].join('; ')}): ` +
      `run npm test as root with ${what} and terraform on PATH; as root, .ci/run installs them and runs everything.`;
    // Jest prints its own summary after every custom reporter: the line goes out when the run ends.
    process.once('exit', () => process.stderr.write(`\n${line}\n`));
  }
}

module.exports = E2eSkipReporter;
module.exports.MARK = MARK;
