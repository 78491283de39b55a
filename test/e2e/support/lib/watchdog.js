'use strict';
// Safety net for fixture daemons (LXD or Incus: the record names its flavor): `node watchdog.js
// OWNER_PID RECORD_FILE [MODULE]`, started detached by startDaemonSync() (and by the ssh lab with
// MODULE = ./ssh-lab, whose `stopRecordSync` then does the teardown instead of stopDaemonSync).
// Exits quietly once the record is gone (normal stop); if the owner process dies first (crash,
// SIGKILL, a jest worker torn down without afterAll), it tears the daemon (or lab) down.
// (A process.on('exit') hook cannot do this under jest: the sandbox's `process` never emits it.)
const fs = require('fs');
const { alive } = require('./sh');

const [owner, record, stopModule] = process.argv.slice(2);
const stopDaemonSync = stopModule ? require(stopModule).stopRecordSync : require('./daemon').stopDaemonSync;
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
