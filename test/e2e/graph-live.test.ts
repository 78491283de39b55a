/**
 * `graph --live` on a real LXD daemon, deployed with real terraform: after out-of-band changes the
 * page shows each object in sync, changed, missing or owned but undeclared (as `drift` reports
 * them, from the same read), in headless Chromium; the daemon is exactly as before the command.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from '../../constructs/core/cdk';
import { Bridge, Container, LabStack, LocalHost, Profile, StoragePool } from '../../index';
import { CHROMIUM, openFile, pngSize, startBrowser } from './support/browser';
import { importBusybox } from './support/busybox-image';
import { buildLib, labCli } from './support/lab-cli';
import { cleanupAll, LxdDaemon, startLxd } from './support/lxd-daemon';
import { describeE2E } from './support/prereqs';
import { TerraformWorkdir } from './support/terraform';

const NET = '10.126.47';

describeE2E(
  'graph --live: the state of each object on a real LXD daemon, in the page',
  () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'graph-live-e2e-'));
    const out = path.join(tmp, 'out');
    let d: LxdDaemon;
    let env: NodeJS.ProcessEnv;
    let browser: Awaited<ReturnType<typeof startBrowser>>;

    /** The lab: a pool, a bridge with a lease, a profile, containers (name -> last octet). */
    const synth = (containers: Record<string, number>) => {
      const app = new App({ outdir: out });
      const lab = new LabStack(app, 'lab', { localStatePath: path.join(tmp, 'lab.tfstate') });
      const host = new LocalHost(lab, 'host');
      const pool = new StoragePool(lab, 'data', { host, driver: 'dir' });
      const bridge = new Bridge(lab, 'livebr', {
        host,
        ipv4Address: `${NET}.1/24`,
        ipv6Address: 'none',
        ipv4DhcpRanges: [{ start: `${NET}.100`, end: `${NET}.150` }],
      });
      bridge.addStaticLease({ hostname: 'printer', ipv4Address: `${NET}.200` });
      const base = new Profile(lab, 'base', { host, rootPool: pool, network: bridge });
      for (const [name, octet] of Object.entries(containers)) {
        new Container(lab, name, {
          host,
          image: 'busybox',
          profiles: [base],
          limits: { cpu: 1 },
          nics: [{ bridge, ipv4Address: `${NET}.${octet}` }],
        });
      }
      app.synth();
      return new TerraformWorkdir(path.join(out, 'stacks', 'lab'), env);
    };

    /** What the daemon holds (LXD's own volatile keys left out). */
    const state = async () => {
      const strip = (o: any) => ({
        name: o.name,
        status: o.status,
        profiles: o.profiles,
        devices: o.devices,
        used_by: [...(o.used_by ?? [])].sort(),
        config: Object.fromEntries(Object.entries(o.config ?? {}).filter(([k]) => !k.startsWith('volatile.'))),
      });
      return Object.fromEntries(
        await Promise.all(
          ['instances', 'profiles', 'networks', 'storage-pools'].map(async (k) => [
            k,
            ((await d.lxcJson(`/1.0/${k}?recursion=1`)) as any[]).map(strip),
          ]),
        ),
      );
    };

    beforeAll(async () => {
      d = await startLxd({ name: 'graphlv' });
      await importBusybox(d);
      env = { ...d.env, XDG_STATE_HOME: path.join(tmp, 'state') };
      buildLib();
      browser = await startBrowser();
    }, 400000);
    afterAll(async () => {
      await browser?.close();
      await cleanupAll();
      fs.rmSync(tmp, { recursive: true, force: true });
    });

    it('in sync, changed, missing and undeclared: in the picture and the table, as drift reports them; nothing changed', async () => {
      const w = synth({ keep: 10, tuned: 11, gone: 12, dropped: 13 });
      await w.ok(['init']);
      await w.ok(['apply', '-auto-approve']);
      // Out of band: a changed limit, a deleted container; `dropped` leaves the code but is still deployed.
      await d.lxcOk(['config', 'set', 'tuned', 'limits.cpu', '2']);
      await d.lxcOk(['delete', '--force', 'gone']);
      synth({ keep: 10, tuned: 11, gone: 12 });

      const before = await state();
      const file = path.join(tmp, 'live.html');
      const r = labCli(['graph', '--live', '-o', file], out, env);
      expect(r.stderr).toBe(`wrote ${file}\n`);
      expect(r.status).toBe(0);
      expect(await state()).toEqual(before);

      const drift = JSON.parse(labCli(['drift', '--json'], out, env).stdout);
      const reported = Object.fromEntries(
        drift.hosts.flatMap((h: any) => h.drift.map((x: any) => [`${x.kind} ${x.name}`, x.status])),
      );
      expect(reported).toEqual({
        'instance tuned': 'changed',
        'instance gone': 'missing',
        'instance dropped': 'undeclared',
      });

      const { page, problems } = await openFile(browser.context, file);
      const statusOf = (kind: string, name: string) =>
        page.locator(`#picture g.node[data-kind="${kind}"][data-name="${name}"]`).getAttribute('data-status');
      for (const [key, status] of Object.entries({
        ...reported,
        'instance keep': 'in sync',
        'profile base': 'in sync',
        'network livebr': 'in sync',
        'pool data': 'in sync',
      })) {
        const [kind, name] = key.split(' ');
        expect(await statusOf(kind, name)).toBe(status);
        // The state is written on the card and in the table.
        expect(await page.locator(`#picture g.node[data-name="${name}"] tspan.status`).textContent()).toBe(
          `[${status}]`,
        );
        expect(await page.locator(`#live tr:has(td:text-is("${name}")) td.status`).textContent()).toBe(status);
      }
      expect(await page.locator('#picture g.node[data-name="tuned"]').textContent()).toContain(
        'config limits.cpu is "2", declared "1"',
      );
      // The deployed lab's addresses are in the picture.
      const picture = await page.$$eval('#picture svg text', (ts) => ts.map((t) => t.textContent).join('\n'));
      for (const a of [
        `${NET}.1/24`,
        `${NET}.100-${NET}.150`,
        `${NET}.200 printer`,
        `${NET}.10`,
        `${NET}.11`,
        `${NET}.12`,
      ])
        expect(picture).toContain(a);
      const png = path.join(tmp, 'live.png');
      await page.locator('#picture svg').screenshot({ path: png });
      expect(pngSize(fs.readFileSync(png)).width).toBeGreaterThan(300);
      if (process.env.UPDATE_DOCS_IMAGES) fs.copyFileSync(png, path.join(__dirname, '../../docs/images/lab-live.png'));
      expect(problems).toEqual([]);
    }, 600000);
  },
  [CHROMIUM.slice(CHROMIUM.lastIndexOf('/') + 1)],
);
