'use strict';
// Safety net for fixture daemons (LXD or Incus: the record names its flavor): `node watchdog.js
// OWNER_PID RECORD_FILE`, started detached by startDaemonSync(). Exits quietly once the record is
// gone (normal stop); if the owner process dies first (crash, SIGKILL, a jest worker torn down
// without afterAll), it tears the daemon down.
// (A process.on('exit') hook cannot do this under jest: the sandbox's `process` never emits it.)
const fs = require('fs');
const { alive } = require('./sh');
const { stopDaemonSync } = require('./daemon');

const [owner, record] = process.argv.slice(2);
const timer = setInterval(() => {
  if (!fs.existsSync(record)) process.exit(0);
  if (alive(Number(owner))) return;
  clearInterval(timer);
  try {
    stopDaemonSync(JSON.parse(fs.readFileSync(record, 'utf8')));
  } catch {
    /* nothing more we can do */
  }
  process.exit(0);
}, 500);
