/** The end-of-run line about skipped end-to-end suites: counted from the titles describeE2E gives them. */
import * as path from 'path';
import { SKIPPED_MARK } from '../e2e/support/prereqs';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- jest loads reporters as CommonJS modules
const Reporter = require('./e2e-skip-reporter.js');

const root = path.resolve(__dirname, '../..');
const file = (titles: string[], status: string) => ({
  testResults: titles.map((t) => ({ ancestorTitles: [t], status })),
});

/** Runs onRunComplete and returns what it prints when the process exits ('' when nothing). */
function lineFor(testResults: object[]): string {
  let atExit: (() => void) | undefined;
  const once = jest.spyOn(process, 'once').mockImplementation(((event: string, fn: () => void) => {
    if (event === 'exit') atExit = fn;
    return process;
  }) as never);
  const write = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    new Reporter({ rootDir: root }).onRunComplete(new Set(), { testResults });
    atExit?.();
    return write.mock.calls.map((c) => String(c[0])).join('');
  } finally {
    once.mockRestore();
    write.mockRestore();
  }
}

test('the reporter reads the mark describeE2E writes', () => {
  expect(Reporter.MARK).toBe(SKIPPED_MARK);
});

test('counts the skipped suites, gives the reasons and how to run them, in one line', () => {
  const line = lineFor([
    file([`lab ${SKIPPED_MARK}not root; missing: lxd)`, `lab ${SKIPPED_MARK}not root; missing: lxd)`], 'pending'),
    file([`cluster ${SKIPPED_MARK}missing: terraform)`], 'pending'),
    file(['unit things'], 'passed'),
  ]);
  expect(line.trim().split('\n')).toHaveLength(1);
  expect(line).toContain(
    '2 end-to-end test suites were skipped (not root; missing: lxd; missing: terraform): run npm test as root with the Debian packages .ci/run installs (lxd lxd-client ',
  );
  expect(line).toContain('incus-base) and terraform on PATH');
  expect(line).not.toMatch(/ -y | bookworm-backports /);
});

test('says nothing when no suite was skipped', () => {
  expect(lineFor([file(['lab'], 'passed')])).toBe('');
});
