import { parseCidr, parseIpv4 } from '../net/ipv4';
import { GraphDaemon, GraphInstance, GraphMatchbox, GraphNetwork, GraphNode, LabGraph } from './model';
import { daemonLines, daemonTitle, edgesOf, nodeLines } from './parts';

/**
 * The picture: one box per daemon (nested in the instance that hosts it), its pools, profiles,
 * bridges (with an address bar), containers (by cluster member), Matchbox groups and profiles;
 * lines for NICs, boots, VMs and stack dependencies. Plain SVG, laid out here, no script.
 */

/** Monospace metrics (the page sets a monospace font for the picture). */
const CH = 7.3;
const LH = 15;
const PAD = 8;
const GAP = 12;
const BAR = 22;
const MAX_W = 1500;
/** Above this many containers on a daemon, NIC lines are left out: each card's stripe has its bridge's colour. */
const MAX_NIC_LINES = 40;

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}
interface Card {
  node: GraphNode;
  d: GraphDaemon;
  lines: { text: string; cls: string }[];
  box: Box;
  cls: string;
  bar?: GraphNetwork;
}

const PALETTE = ['#1565c0', '#2e7d32', '#ad1457', '#ef6c00', '#6a1b9a', '#00838f', '#5d4037', '#827717'];

/** XML text. */
export function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

class Canvas {
  readonly panels: { d: GraphDaemon; box: Box; depth: number }[] = [];
  readonly cards: Card[] = [];
  readonly labels: { x: number; y: number; text: string }[] = [];
  readonly frames: { box: Box; title: string; cls: string }[] = [];
  readonly netColor = new Map<string, string>();
  readonly stackOf: (n: GraphNode, d: GraphDaemon) => string;

  constructor(private readonly g: LabGraph) {
    this.stackOf = (n, d) => (d.stacks.length > 1 || g.stacks.length > 1 ? `stack ${n.stack}` : '');
  }

  card(n: GraphNode, d: GraphDaemon, cls: string, minW = 150): Card {
    const live = n.live ? [`[${n.live.status}]`, ...n.live.differences.slice(0, 3).map((x) => `  ${x}`)] : [];
    const conflicts = n.conflicts.map((c) => `! ${c.split(':')[0]}`);
    const stack = this.stackOf(n, d);
    const [title, ...rest] = nodeLines(n);
    const lines = [
      { text: title, cls: 'title' },
      ...[...rest, ...(stack ? [stack] : [])].flatMap((l) => wrap(l, 'line')),
      ...conflicts.flatMap((l) => wrap(l, 'warn')),
      ...live.flatMap((l, i) => wrap(l, i ? 'line' : 'status')),
    ];
    const bar = n.kind === 'network' && (n as GraphNetwork).plan ? (n as GraphNetwork) : undefined;
    const w = Math.max(minW, Math.ceil(Math.max(...lines.map((l) => l.text.length)) * CH + 2 * PAD));
    const h = lines.length * LH + 2 * PAD + (bar ? BAR + LH : 0);
    const c: Card = { node: n, d, lines, box: { x: 0, y: 0, w, h }, cls, bar };
    this.cards.push(c);
    return c;
  }

  /** Places boxes left to right from (x, y), wrapping at `maxW`; returns the size used. */
  flow(items: { box: Box }[], x: number, y: number, maxW: number): { w: number; h: number } {
    let cx = x;
    let cy = y;
    let rowH = 0;
    let w = 0;
    for (const it of items) {
      if (cx > x && cx + it.box.w > x + maxW) {
        cx = x;
        cy += rowH + GAP;
        rowH = 0;
      }
      it.box.x = cx;
      it.box.y = cy;
      cx += it.box.w + GAP;
      rowH = Math.max(rowH, it.box.h);
      w = Math.max(w, cx - GAP - x);
    }
    return { w, h: items.length ? cy + rowH - y : 0 };
  }

  /** Moves every box placed in `items` by (dx, dy). */
  static shift(items: { box: Box }[], dx: number, dy: number): void {
    for (const it of items) {
      it.box.x += dx;
      it.box.y += dy;
    }
  }

  panel(d: GraphDaemon, x: number, y: number, maxW: number, depth: number): Box {
    const box: Box = { x, y, w: 0, h: 0 };
    this.panels.push({ d, box, depth });
    d.networks.forEach((n) => this.netColor.set(`${d.key}|${n.name}`, PALETTE[this.netColor.size % PALETTE.length]));
    const inner = x + 16;
    const innerW = maxW - 32;
    let cy = y + 22 + daemonLines(d).length * LH + 10;
    let right = x + Math.max(360, (daemonTitle(d).length + 2) * CH + 32);
    const section = (label: string, items: { box: Box; cards?: Card[] }[]) => {
      if (!items.length) return;
      this.labels.push({ x: inner, y: cy + 11, text: label });
      cy += 18;
      const used = this.flow(items, inner, cy, innerW);
      // A frame's cards were placed relative to it.
      for (const it of items) if (it.cards) Canvas.shift(it.cards, it.box.x, it.box.y);
      cy += used.h + 16;
      right = Math.max(right, inner + used.w + 16);
    };
    const kinds = [
      [d.pools, 'storage pools'],
      [d.profiles, 'profiles'],
      [d.images, 'images'],
      [d.vms, 'VMs'],
      [d.other, 'records'],
    ] as const;
    section(
      kinds
        .filter(([x]) => x.length)
        .map(([, t]) => t)
        .join(', '),
      [
        ...d.pools.map((n) => this.card(n, d, 'pool')),
        ...d.profiles.map((n) => this.card(n, d, 'profile')),
        ...d.images.map((n) => this.card(n, d, 'image')),
        ...d.vms.map((n) => this.card(n, d, 'vm')),
        ...d.other.map((n) => this.card(n, d, 'other')),
      ],
    );
    section(
      'bridges',
      d.networks.map((n) => this.card(n, d, 'network', 300)),
    );
    if (d.members?.length) {
      const groups = [...d.members, '']
        .map((m) => ({
          member: m,
          cards: d.instances.filter((i) => (i.target ?? '') === m).map((i) => this.card(i, d, 'instance')),
        }))
        .filter((m) => m.member || m.cards.length);
      const frames = groups.map((m) => {
        const used = this.flow(m.cards, 0, 0, Math.max(200, innerW / groups.length - 28));
        const frame = {
          box: { x: 0, y: 0, w: Math.max(used.w, 160) + 24, h: used.h + 36 },
          title: m.member ? `member ${m.member}` : 'not placed',
          cls: 'member',
          cards: m.cards,
        };
        return frame;
      });
      this.labels.push({ x: inner, y: cy + 11, text: 'containers by cluster member' });
      cy += 18;
      const used = this.flow(frames, inner, cy, innerW);
      for (const f of frames) {
        Canvas.shift(f.cards, f.box.x + 12, f.box.y + 28);
        this.frames.push(f);
      }
      cy += used.h + 16;
      right = Math.max(right, inner + used.w + 16);
    } else {
      section(
        d.instances.length > MAX_NIC_LINES
          ? `containers (${d.instances.length}; the stripe has the colour of the bridge)`
          : 'containers',
        d.instances.map((n) => this.card(n, d, 'instance')),
      );
    }
    if (d.matchbox.length)
      section(
        'Matchbox',
        d.matchbox.map((m) => this.matchbox(m, d)),
      );
    for (const child of this.g.daemons.filter((c) => c.within?.daemon === d.key)) {
      const b = this.panel(child, inner, cy, innerW, depth + 1);
      cy += b.h + 16;
      right = Math.max(right, inner + b.w + 16);
    }
    box.w = right - x;
    box.h = cy - y;
    return box;
  }

  /** A Matchbox server: its card, its groups, the profiles they boot; placed as one frame. */
  matchbox(m: GraphMatchbox, d: GraphDaemon): { box: Box; cards: Card[] } {
    const server = this.card(m, d, 'matchbox');
    const groups = m.groups.map((n) => this.card(n, d, 'group'));
    const profiles = m.profiles.map((n) => this.card(n, d, 'mprofile'));
    const column = (cards: Card[], x: number) => {
      let y = 28;
      let w = 0;
      for (const c of cards) {
        c.box.x = x;
        c.box.y = y;
        y += c.box.h + 8;
        w = Math.max(w, c.box.w);
      }
      return { w, h: y };
    };
    const s = column([server], 12);
    const gcol = column(groups, 12 + s.w + 24);
    const pcol = column(profiles, 12 + s.w + 24 + gcol.w + 60);
    const frame = {
      box: { x: 0, y: 0, w: 12 + s.w + 24 + gcol.w + 60 + pcol.w + 12, h: Math.max(s.h, gcol.h, pcol.h) + 4 },
      title: 'groups (selectors) -> profiles they boot',
      cls: 'mbx',
      cards: [server, ...groups, ...profiles],
    };
    this.frames.push(frame);
    return frame;
  }
}

/** A card line, cut at spaces into lines of at most 64 characters (the rest indented). */
function wrap(text: string, cls: string): { text: string; cls: string }[] {
  if (text.length <= 64) return [{ text, cls }];
  const out: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > 64) {
      out.push(line);
      line = `  ${word}`;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  out.push(line);
  return out.map((t) => ({ text: t, cls }));
}

const by = (cards: readonly Card[]) => new Map(cards.map((c) => [c.node.id, c]));

/** The SVG of the whole graph, with its size. */
export function toSvg(g: LabGraph): { svg: string; width: number; height: number } {
  const cv = new Canvas(g);
  const out: string[] = [];
  let y = 16;
  // Stacks and their links.
  const chips = g.stacks.map((s) => ({ s, box: { x: 0, y: 0, w: (s.name.length + 8) * CH + 16, h: 26 } }));
  const used = cv.flow(chips, 16, y + 16, MAX_W);
  const stackSvg: string[] = [`<text class="section" x="16" y="${y + 8}">stacks</text>`];
  for (const c of chips) {
    stackSvg.push(
      `<g class="stack" id="stack-${esc(c.s.name)}" data-stack="${esc(c.s.name)}"><rect x="${c.box.x}" y="${c.box.y}" width="${c.box.w}" height="${c.box.h}" rx="13"/><text x="${c.box.x + 12}" y="${c.box.y + 17}">stack ${esc(c.s.name)}</text></g>`,
    );
  }
  for (const c of chips) {
    for (const dep of c.s.dependencies) {
      const t = chips.find((x) => x.s.name === dep);
      if (!t) continue;
      const x1 = c.box.x + c.box.w / 2;
      const x2 = t.box.x + t.box.w / 2;
      const yy = c.box.y + c.box.h;
      stackSvg.push(
        `<path class="dep" d="M${x1},${yy} C${x1},${yy + 22} ${x2},${yy + 22} ${x2},${yy + 2}" marker-end="url(#arrow)"/><text class="edge-label" x="${Math.min(x1, x2) + Math.abs(x1 - x2) / 2 - 32}" y="${yy + 30}">depends on</text>`,
      );
    }
  }
  y += 16 + used.h + 34;
  // Daemon boxes: record stores first (VMs point down to their daemons), nested ones inside their host's.
  const top = g.daemons.filter((d) => !d.within || !g.daemons.some((p) => p.key === d.within!.daemon));
  top.sort((a, b) => Number(!!a.client) - Number(!!b.client));
  let width = 16 + used.w + 16;
  for (const d of top) {
    const b = cv.panel(d, 16, y, MAX_W, 0);
    y += b.h + 24;
    width = Math.max(width, b.x + b.w + 16);
  }
  const height = y;
  const cards = by(cv.cards);
  out.push(
    ...cv.panels.map(
      ({ d, box, depth }) =>
        `<g class="daemon${d.client ? '' : ' records'}" id="${d.id}" data-key="${esc(d.key)}"><rect x="${box.x}" y="${box.y}" width="${box.w}" height="${box.h}" rx="10" class="depth${depth % 2}"/>` +
        `<text class="daemon-title" x="${box.x + 14}" y="${box.y + 20}">${esc(daemonTitle(d))}</text>` +
        daemonLines(d)
          .map((l, i) => `<text class="daemon-sub" x="${box.x + 14}" y="${box.y + 20 + (i + 1) * LH}">${esc(l)}</text>`)
          .join('') +
        '</g>',
    ),
  );
  out.push(
    ...cv.frames.map(
      (f) =>
        `<g class="frame ${f.cls}"><rect x="${f.box.x}" y="${f.box.y}" width="${f.box.w}" height="${f.box.h}" rx="8"/><text class="frame-title" x="${f.box.x + 10}" y="${f.box.y + 17}">${esc(f.title)}</text></g>`,
    ),
  );
  out.push(...cv.labels.map((l) => `<text class="section" x="${l.x}" y="${l.y}">${esc(l.text)}</text>`));
  out.push(...stackSvg);
  const panelOf = new Map(cv.panels.map((p) => [p.d.id, p]));
  for (const e of edgesOf(g)) {
    const a = cards.get(e.from);
    if (!a) continue;
    if (e.kind === 'nic' && a.node.kind === 'instance') {
      const b = cards.get(e.to);
      if (!b) continue;
      const d = a.d;
      if (d.instances.length > MAX_NIC_LINES) continue;
      const color = cv.netColor.get(`${d.key}|${b.node.name}`) ?? '#1565c0';
      const x1 = a.box.x + a.box.w / 2;
      const y1 = a.box.y;
      const x2 = b.box.x + b.box.w / 2;
      const y2 = b.box.y + b.box.h;
      out.push(
        `<path class="edge nic" data-from="${e.from}" data-to="${e.to}" stroke="${color}" d="M${x1},${y1} C${x1},${y1 - 40} ${x2},${y2 + 40} ${x2},${y2}"/>`,
      );
    } else if (e.kind === 'boots') {
      const b = cards.get(e.to);
      if (!b) continue;
      const x1 = a.box.x + a.box.w;
      const y1 = a.box.y + a.box.h / 2;
      const x2 = b.box.x;
      const y2 = b.box.y + b.box.h / 2;
      out.push(
        `<path class="edge boots" d="M${x1},${y1} C${x1 + 30},${y1} ${x2 - 30},${y2} ${x2 - 2},${y2}" marker-end="url(#arrow)"/>`,
      );
    } else if (e.kind === 'runs' || e.kind === 'hosts') {
      const p = panelOf.get(e.to);
      if (!p) continue;
      // Straight down from the card's bottom to the top of the box it runs (or is hosted in).
      const x1 = a.box.x + Math.min(a.box.w / 2, 40);
      const y1 = a.box.y + a.box.h;
      const x2 = Math.min(Math.max(x1, p.box.x + 20), p.box.x + p.box.w - 20);
      const y2 = p.box.y;
      const label = e.kind === 'runs' ? 'runs' : 'hosts';
      out.push(
        `<path class="edge ${e.kind}" d="M${x1},${y1} C${x1},${(y1 + y2) / 2} ${x2},${(y1 + y2) / 2} ${x2},${y2 - 2}" marker-end="url(#arrow)"/>` +
          `<text class="edge-label" x="${Math.max(x1, x2) + 8}" y="${(y1 + y2) / 2 + 4}">${label}</text>`,
      );
    }
  }
  for (const c of cv.cards) out.push(drawCard(c, cv.netColor));
  const defs =
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#455a64"/></marker></defs>';
  return {
    svg: `<svg xmlns="http://www.w3.org/2000/svg" id="lab" width="${Math.ceil(width)}" height="${Math.ceil(height)}" viewBox="0 0 ${Math.ceil(width)} ${Math.ceil(height)}">${defs}${out.join('\n')}</svg>`,
    width: Math.ceil(width),
    height: Math.ceil(height),
  };
}

function drawCard(c: Card, netColor: ReadonlyMap<string, string>): string {
  const { x, y, w, h } = c.box;
  const n = c.node;
  const status = n.live?.status;
  const classes = [
    'node',
    `kind-${c.cls}`,
    ...(status ? [`status-${status.replace(' ', '-')}`] : []),
    ...(n.conflicts.length ? ['conflict'] : []),
  ];
  const data = [
    `data-kind="${n.kind}"`,
    `data-name="${esc(n.name)}"`,
    `data-stack="${esc(n.stack)}"`,
    ...(n.path ? [`data-path="${esc(n.path)}"`] : []),
    ...(status ? [`data-status="${status}"`] : []),
  ];
  const tip = [
    `${n.kind} ${n.name}${n.path ? `, declared at ${n.path}` : ''}`,
    ...n.conflicts,
    ...(n.live?.differences ?? []),
  ].join('\n');
  const text = c.lines
    .map((l, i) => `<tspan class="${l.cls}" x="${x + PAD}" y="${y + PAD + 11 + i * LH}">${esc(l.text)}</tspan>`)
    .join('');
  // A container's stripes, one per NIC, and a bridge's top band: the bridge's colour.
  const colour = (network: string) => netColor.get(`${c.d.key}|${network}`) ?? '#90a4ae';
  const stripe =
    n.kind === 'instance'
      ? ((n as GraphInstance).nics ?? [])
          .map(
            (nic, i) =>
              `<rect class="stripe" x="${x + i * 5}" y="${y}" width="5" height="${h}" fill="${colour(nic.network)}"/>`,
          )
          .join('')
      : n.kind === 'network'
        ? `<rect class="stripe" x="${x}" y="${y}" width="${w}" height="5" fill="${colour(n.name)}"/>`
        : '';
  return `<g class="${classes.join(' ')}" id="${n.id}" ${data.join(' ')}><title>${esc(tip)}</title><rect x="${x}" y="${y}" width="${w}" height="${h}" rx="6"/>${stripe}<text>${text}</text>${c.bar ? addressBar(c.bar, x + PAD, y + h - BAR - LH, w - 2 * PAD) : ''}</g>`;
}

/** The subnet as a bar: DHCP ranges, the gateway, leases and reserved addresses, conflicts in red. */
function addressBar(n: GraphNetwork, x: number, y: number, w: number): string {
  const net = parseCidr(n.cidr ?? '');
  const plan = n.plan;
  if (!net || !plan) return '';
  const span = net.broadcast - net.network + 1;
  const at = (ip: number) => x + ((ip - net.network) / span) * w;
  const parts = [`<rect class="bar" x="${x}" y="${y}" width="${w}" height="12"/>`];
  for (const r of plan.rows) {
    const s = parseIpv4(r.start);
    const e = parseIpv4(r.end);
    if (s === undefined || e === undefined || r.kind === 'free') continue;
    const x1 = at(s);
    const width = Math.max(2, at(e + 1) - x1);
    const cls = r.conflicts.length ? 'tick-conflict' : `tick-${r.kind}`;
    parts.push(
      `<rect class="${cls}" x="${x1.toFixed(1)}" y="${r.kind === 'dhcp' ? y : y - 3}" width="${(r.kind === 'dhcp' ? width : 2.5).toFixed(1)}" height="${r.kind === 'dhcp' ? 12 : 18}"><title>${esc(`${r.start}${r.end !== r.start ? `-${r.end}` : ''} ${r.label}`)}</title></rect>`,
    );
  }
  parts.push(
    `<text class="bar-label" x="${x}" y="${y + 12 + LH}">${plan.free} of ${plan.usable} addresses free${plan.problems.length ? `, ${plan.problems.length} conflict(s)` : ''}</text>`,
  );
  return parts.join('');
}
