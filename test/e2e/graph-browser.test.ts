/**
 * `cdktf-lxd-matchbox graph` as shipped (lib/), on the examples synthesized into temporary output
 * folders: the page opens from disk in headless Chromium with no console error and no network
 * request, shows every declared object and address, and makes a screenshot; the DOT text is
 * accepted by Graphviz. `UPDATE_DOCS_IMAGES=1` also writes the default example's picture to
 * docs/images/lab-default.png (the README's).
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from '../../constructs/core/cdk';
import { buildLab } from '../../examples/default';
import { buildPxeWithLxd } from '../../examples/pxe-with-lxd';
import { buildSeed002 } from '../../examples/seed002-static-leases';
import { buildSeed003 } from '../../examples/seed003-matchbox';
import { LabManifest, MANIFEST_FILE } from '../../src/lifecycle/manifest';
import { CHROMIUM, openFile, pngSize, startBrowser } from './support/browser';
import { buildLib, labCli } from './support/lab-cli';
import { describeE2E } from './support/prereqs';

const EXAMPLES: Record<string, (app: App) => void> = {
  default: (app) => buildLab(app),
  'seed002-containers': (app) => buildSeed002(app, { variant: 'containers' }),
  'seed002-leases': (app) => buildSeed002(app, { variant: 'leases' }),
  seed003: (app) => buildSeed003(app),
  'pxe-with-lxd': (app) => buildPxeWithLxd(app),
};

const IPV4 = /\b\d{1,3}(?:\.\d{1,3}){3}(?:\/\d{1,2})?\b/g;
const MAC = /\b[0-9a-f]{2}(?::[0-9a-f]{2}){5}\b/gi;

/**
 * What the page must show, read straight from the lab manifests (not through the graph's model):
 * each object's name (a record's: the VM, the group or profile id, the server's data directory)
 * and each address the objects declare.
 */
function expected(manifests: readonly LabManifest[]): { names: Set<string>; addresses: Set<string> } {
  const names = new Set<string>();
  const addresses = new Set<string>();
  const add = (text: string | undefined) => {
    for (const m of (text ?? '').matchAll(IPV4)) addresses.add(m[0]);
    for (const m of (text ?? '').matchAll(MAC)) addresses.add(m[0]);
  };
  for (const m of manifests) {
    for (const o of m.units.flatMap((u) => u.objects)) {
      const s = (o.settings ?? {}) as Record<string, any>;
      if (o.kind !== 'record') {
        names.add(o.name);
      } else {
        const [kind, name] = [o.name.slice(0, o.name.indexOf(':')), o.name.slice(o.name.indexOf(':') + 1)];
        names.add(
          kind === 'matchbox-group' || kind === 'matchbox-profile' ? name.slice(name.lastIndexOf('/') + 1) : name,
        );
      }
      if (o.kind === 'network') ['ipv4.address', 'ipv4.dhcp.ranges', 'raw.dnsmasq'].forEach((k) => add(s.config?.[k]));
      // A lease by host name: that name.
      for (const m of String(s.config?.['raw.dnsmasq'] ?? '').matchAll(/^dhcp-host=([a-z][a-z0-9-]*),/gm))
        names.add(m[1]);
      if (o.kind === 'instance') {
        for (const d of Object.values<Record<string, string>>(s.devices ?? {}))
          [d['ipv4.address'], d.hwaddr, d.listen, d.connect].forEach(add);
      }
      if (o.name.startsWith('matchbox-dnsmasq:'))
        for (const l of String(s.config)
          .split('\n')
          .filter((x) => /^dhcp-(range|host)=|option:router/.test(x)))
          add(l.replace(/255\.255\.255\.\d+/, ''));
    }
    for (const x of m.facts?.matchbox ?? []) addresses.add(x.httpEndpoint);
  }
  return { names, addresses };
}

describeE2E(
  'graph: the page of each example in headless Chromium',
  () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'graph-e2e-'));
    let browser: Awaited<ReturnType<typeof startBrowser>>;

    beforeAll(async () => {
      buildLib();
      browser = await startBrowser();
    }, 400000);
    afterAll(async () => {
      await browser?.close();
      fs.rmSync(tmp, { recursive: true, force: true });
    });

    it.each(Object.keys(EXAMPLES))(
      '%s: no console error, no request, every object and address in the DOM, a screenshot',
      async (name) => {
        fs.mkdirSync(path.join(tmp, name), { recursive: true });
        const out = path.join(tmp, name, 'cdktf.out');
        const app = new App({ outdir: out });
        EXAMPLES[name](app);
        app.synth();
        const manifests = fs
          .readdirSync(path.join(out, 'stacks'))
          .map((s) => path.join(out, 'stacks', s, MANIFEST_FILE))
          .filter((f) => fs.existsSync(f))
          .map((f) => JSON.parse(fs.readFileSync(f, 'utf8')) as LabManifest);
        const file = path.join(tmp, name, 'lab.html');
        const r = labCli(['graph', '-o', file], out, process.env);
        expect(r.stderr).toBe(`wrote ${file}\n`);
        expect(r.status).toBe(0);

        const { page, problems } = await openFile(browser.context, file);
        // The picture's visible text (tooltips left out), and the tables.
        const picture = await page.$$eval('#picture svg text', (ts) => ts.map((t) => t.textContent ?? '').join('\n'));
        const tables = await page.$eval('main', (m) => (m as unknown as { innerText: string }).innerText);
        const want = expected(manifests);
        expect(want.names.size).toBeGreaterThan(2);
        expect(want.addresses.size).toBeGreaterThan(1);
        expect([...want.names].filter((n) => !picture.includes(n))).toEqual([]);
        expect([...want.addresses].filter((a) => !picture.includes(a))).toEqual([]);
        for (const n of manifests
          .flatMap((m) => m.units.flatMap((u) => u.objects))
          .filter((o) => o.kind !== 'record')) {
          expect(await page.locator(`#picture g.node[data-name="${n.name}"][data-path="${n.path}"]`).count()).toBe(1);
        }
        // Each bridge's address plan is a table too.
        for (const net of manifests
          .flatMap((m) => m.units.flatMap((u) => u.objects))
          .filter((o) => o.kind === 'network')) {
          expect(tables).toContain(`bridge ${net.name} on`);
        }
        const size = await page.$eval('#picture svg', (s) => ({
          width: Number(s.getAttribute('width')),
          height: Number(s.getAttribute('height')),
        }));
        const png = await page.locator('#picture svg').screenshot({ path: path.join(tmp, `${name}.png`) });
        expect(png.length).toBeGreaterThan(5000);
        const dims = pngSize(fs.readFileSync(path.join(tmp, `${name}.png`)));
        expect(Math.abs(dims.width - size.width)).toBeLessThanOrEqual(4);
        expect(Math.abs(dims.height - size.height)).toBeLessThanOrEqual(4);
        if (name === 'default' && process.env.UPDATE_DOCS_IMAGES)
          fs.copyFileSync(path.join(tmp, `${name}.png`), path.join(__dirname, '../../docs/images/lab-default.png'));
        expect(problems).toEqual([]);
        await page.close();

        // The text forms: Graphviz accepts the DOT and draws every object; Mermaid names them all.
        const dot = labCli(['graph', '--format', 'dot'], out, process.env);
        expect(dot.status).toBe(0);
        const svg = spawnSync('dot', ['-Tsvg'], { input: dot.stdout, encoding: 'utf8' });
        expect(svg.stderr).toBe('');
        expect(svg.status).toBe(0);
        const drawn = svg.stdout.replace(/&#45;/g, '-');
        expect([...want.names].filter((n) => !drawn.includes(n))).toEqual([]);
        const mermaid = labCli(['graph', '--format', 'mermaid'], out, process.env);
        expect(mermaid.status).toBe(0);
        expect([...want.names].filter((n) => !mermaid.stdout.includes(n))).toEqual([]);
      },
      120000,
    );
  },
  [CHROMIUM.slice(CHROMIUM.lastIndexOf('/') + 1), 'dot'],
);
