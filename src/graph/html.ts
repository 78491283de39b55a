import { GraphDaemon, GraphNetwork, LabGraph, nodesOf } from './model';
import { esc, toSvg } from './svg';

/**
 * The page `graph` writes: the picture (inline SVG), the address plan of every bridge and, with
 * `--live`, the state of every object. Self-contained: inline CSS, no script, nothing fetched.
 */
export function toHtml(g: LabGraph, o: { readonly title?: string; readonly generatedAt?: string } = {}): string {
  const { svg } = toSvg(g);
  const title = o.title ?? `Lab: ${g.stacks.map((s) => s.name).join(', ')}`;
  const networks = g.daemons.flatMap((d) => d.networks.filter((n) => n.plan).map((n) => ({ d, n })));
  const conflicts = networks.flatMap(({ d, n }) => n.plan!.problems.map((p) => ({ d, n, p })));
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>${CSS}</style></head>
<body>
<header><h1>${esc(title)}</h1>
<p class="meta">From the synthesized stacks' lab manifests${g.live ? ", with each object's state read from its daemon (one read per daemon, as <code>drift</code> makes it)" : ''}${o.generatedAt ? ` · ${esc(o.generatedAt)}` : ''}.</p>
${legend(g.live)}
${conflicts.length ? `<div class="alert" id="conflicts"><strong>${conflicts.length} address conflict(s)</strong><ul>${conflicts.map(({ d, n, p }) => `<li>bridge ${esc(n.name)} on ${esc(d.label)}: <code>${esc(p.path)}</code> ${esc(p.property)} = ${esc(String(p.value))}: ${esc(p.reason)} (fix: ${esc(p.fix)})</li>`).join('')}</ul></div>` : ''}
</header>
<main>
<section id="picture">${svg}</section>
<section id="plans"><h2>Address plans</h2>${networks.length ? networks.map(({ d, n }) => planTable(d, n)).join('\n') : '<p>No bridge with a known IPv4 subnet.</p>'}</section>
${g.live ? liveTable(g) : ''}
</main>
</body></html>
`;
}

function legend(live: boolean): string {
  const item = (cls: string, text: string) => `<span class="key ${cls}">${esc(text)}</span>`;
  return `<p class="legend">${[
    item('kind-pool', 'storage pool'),
    item('kind-profile', 'profile'),
    item('kind-network', 'bridge'),
    item('kind-instance', 'container (stripe: its bridge)'),
    item('kind-matchbox', 'Matchbox server'),
    item('kind-group', 'Matchbox group'),
    item('kind-mprofile', 'Matchbox profile'),
    item('conflict', 'address conflict'),
    ...(live
      ? [
          item('status-in-sync', 'in sync'),
          item('status-changed', 'changed'),
          item('status-missing', 'missing'),
          item('status-undeclared', 'owned but undeclared'),
        ]
      : []),
  ].join(' ')}</p>`;
}

function planTable(d: GraphDaemon, n: GraphNetwork): string {
  const p = n.plan!;
  const rows = p.rows.map(
    (r) =>
      `<tr class="row-${r.kind}${r.conflicts.length ? ' conflict' : ''}"><td class="addr">${esc(r.start)}${r.end !== r.start ? `&ndash;${esc(r.end)}` : ''}</td><td>${r.count}</td><td>${esc(r.kind)}</td><td>${esc(r.label)}</td><td class="addr">${esc(r.mac ?? '')}</td><td><code>${esc(r.path ?? '')}</code></td><td>${r.conflicts.map(esc).join('<br>')}</td></tr>`,
  );
  return `<div class="plan" id="plan-${n.id}" data-network="${esc(n.name)}"><h3>bridge ${esc(n.name)} on ${esc(d.label)}: ${esc(p.cidr)}</h3>
<p>gateway ${esc(p.gateway)} · ${p.usable} usable addresses · ${p.free} free${p.problems.length ? ` · <strong class="bad">${p.problems.length} conflict(s)</strong>` : ''}${n.declared ? '' : ' · referenced only (its DHCP ranges and leases belong to a stack not shown)'}</p>
<table><thead><tr><th>address</th><th>count</th><th>use</th><th>what</th><th>MAC</th><th>declared at</th><th>conflict</th></tr></thead><tbody>${rows.join('')}</tbody></table></div>`;
}

function liveTable(g: LabGraph): string {
  const rows = g.daemons.flatMap((d) =>
    nodesOf(d)
      .filter((n) => n.live)
      .map(
        (n) =>
          `<tr class="status-${n.live!.status.replace(' ', '-')}"><td>${esc(d.label)}</td><td>${esc(n.stack)}</td><td>${esc(n.kind)}</td><td>${esc(n.name)}</td><td class="status">${esc(n.live!.status)}</td><td>${n.live!.differences.map(esc).join('<br>')}</td></tr>`,
      ),
  );
  return `<section id="live"><h2>Live state</h2><table><thead><tr><th>daemon</th><th>stack</th><th>kind</th><th>name</th><th>state</th><th>differences</th></tr></thead><tbody>${rows.join('')}</tbody></table></section>`;
}

const CSS = `
body{margin:0;font:14px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;color:#263238;background:#fafafa}
header,main>section{padding:8px 20px}
h1{font-size:20px;margin:8px 0 2px} h2{font-size:17px;margin:16px 0 6px} h3{font-size:14px;margin:14px 0 4px;font-family:ui-monospace,"DejaVu Sans Mono",monospace}
.meta{color:#607d8b;margin:0 0 6px}
.legend .key{display:inline-block;border:1.5px solid #90a4ae;border-radius:4px;padding:0 6px;margin:2px 2px;font-size:12px;background:#fff}
.alert{border:2px solid #c62828;background:#ffebee;border-radius:6px;padding:6px 12px;margin:6px 0}
#picture{overflow:auto}
svg text{white-space:pre}
svg{font-family:ui-monospace,"DejaVu Sans Mono","Liberation Mono",monospace;font-size:12px;background:#fff;border:1px solid #cfd8dc;border-radius:8px}
.daemon>rect{fill:#f5f7f8;stroke:#546e7a;stroke-width:1.5}
.daemon>rect.depth1{fill:#eef3f6}
.daemon.records>rect{fill:#fbfbf3;stroke-dasharray:6 4}
.daemon-title{font-weight:bold;font-size:14px;fill:#263238} .daemon-sub{fill:#607d8b;font-size:11.5px}
.section{fill:#78909c;font-size:11px;letter-spacing:.04em;text-transform:uppercase}
.frame>rect{fill:none;stroke:#90a4ae;stroke-dasharray:4 3} .frame-title{fill:#546e7a;font-size:11px}
.stack rect{fill:#eceff1;stroke:#546e7a} .stack text{font-weight:bold}
.node>rect:first-of-type{stroke:#78909c;stroke-width:1.2;fill:#fff}
.node .title{font-weight:bold} .node .warn{fill:#b71c1c;font-weight:bold} .node .status{font-weight:bold}
.kind-pool>rect:first-of-type,.key.kind-pool{fill:#fff8e1;background:#fff8e1;border-color:#f9a825;stroke:#f9a825}
.kind-profile>rect:first-of-type,.key.kind-profile{fill:#f3e5f5;background:#f3e5f5;border-color:#8e24aa;stroke:#8e24aa}
.kind-network>rect:first-of-type,.key.kind-network{fill:#e3f2fd;background:#e3f2fd;border-color:#1565c0;stroke:#1565c0}
.kind-instance>rect:first-of-type,.key.kind-instance{fill:#fff;background:#fff;border-color:#546e7a}
.kind-matchbox>rect:first-of-type,.key.kind-matchbox{fill:#e8f5e9;background:#e8f5e9;border-color:#2e7d32;stroke:#2e7d32}
.kind-group>rect:first-of-type,.key.kind-group{fill:#fffde7;background:#fffde7;border-color:#9e9d24;stroke:#9e9d24}
.kind-mprofile>rect:first-of-type,.key.kind-mprofile{fill:#fce4ec;background:#fce4ec;border-color:#ad1457;stroke:#ad1457}
.kind-vm>rect:first-of-type{fill:#eceff1;stroke:#37474f}
.node.conflict>rect:first-of-type,.key.conflict{fill:#ffebee;background:#ffebee;stroke:#c62828;border-color:#c62828;stroke-width:3}
.status-in-sync>rect:first-of-type,.key.status-in-sync{stroke:#2e7d32;border-color:#2e7d32;stroke-width:3}
.status-changed>rect:first-of-type,.key.status-changed{stroke:#ef6c00;border-color:#ef6c00;stroke-width:3.5}
.status-missing>rect:first-of-type,.key.status-missing{stroke:#c62828;border-color:#c62828;stroke-width:3;stroke-dasharray:7 4;border-style:dashed;fill-opacity:.55}
.status-undeclared>rect:first-of-type,.key.status-undeclared{stroke:#6a1b9a;border-color:#6a1b9a;stroke-width:3;stroke-dasharray:3 3;border-style:dotted}
.status-in-sync .status{fill:#2e7d32} .status-changed .status{fill:#ef6c00} .status-missing .status{fill:#c62828} .status-undeclared .status{fill:#6a1b9a}
.edge{fill:none;stroke-width:1.6;opacity:.75} .edge.boots,.edge.runs,.edge.hosts{stroke:#455a64;stroke-width:1.6;opacity:.9} .edge.runs,.edge.hosts{stroke-dasharray:6 4}
.dep{fill:none;stroke:#455a64;stroke-width:1.5}
.edge-label{fill:#455a64;font-size:11px}
.bar{fill:#eceff1;stroke:#90a4ae} .tick-dhcp{fill:#90caf9} .tick-gateway{fill:#263238} .tick-lease{fill:#2e7d32} .tick-reserved{fill:#00838f} .tick-conflict{fill:#c62828}
.bar-label{fill:#546e7a;font-size:11px}
table{border-collapse:collapse;font-size:13px;background:#fff;margin-bottom:8px}
th,td{border:1px solid #cfd8dc;padding:2px 8px;text-align:left;vertical-align:top}
th{background:#eceff1}
td.addr{font-family:ui-monospace,"DejaVu Sans Mono",monospace;white-space:nowrap}
tr.row-free td{color:#90a4ae} tr.row-dhcp td{background:#e3f2fd} tr.row-gateway td{font-weight:bold}
tr.conflict td{background:#ffcdd2;color:#b71c1c}
.bad{color:#c62828}
td.status{font-weight:bold}
tr.status-changed td.status{color:#ef6c00} tr.status-missing td.status{color:#c62828} tr.status-undeclared td.status{color:#6a1b9a} tr.status-in-sync td.status{color:#2e7d32}
`;
