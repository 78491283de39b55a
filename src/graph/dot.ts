import { GraphNode, LabGraph, nodesOf } from './model';
import { daemonLines, daemonTitle, edgesOf, nodeLines } from './parts';

/** The graph in Graphviz's DOT language (`dot -Tsvg`). */
export function toDot(g: LabGraph): string {
  const q = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
  const label = (parts: readonly string[]) => q(parts.join('\n'));
  const lines = [
    'digraph lab {',
    '  rankdir=LR; compound=true; newrank=true;',
    '  graph [fontname="sans-serif", fontsize=11];',
    '  node [shape=box, style="rounded,filled", fillcolor="#ffffff", fontname="sans-serif", fontsize=10];',
    '  edge [fontname="sans-serif", fontsize=9];',
  ];
  if (g.stacks.length > 1 || g.stacks.some((s) => s.dependencies.length)) {
    lines.push('  subgraph cluster_stacks {', '    label="stacks"; style=dashed;');
    g.stacks.forEach((s, i) =>
      lines.push(`    s${i} [label=${q(`stack ${s.name}`)}, shape=tab, fillcolor="#eceff1"];`),
    );
    lines.push('  }');
    g.stacks.forEach((s, i) =>
      s.dependencies.forEach((dep) => {
        const j = g.stacks.findIndex((x) => x.name === dep);
        if (j >= 0) lines.push(`  s${i} -> s${j} [label="depends on"];`);
      }),
    );
  }
  for (const d of g.daemons) {
    lines.push(
      `  subgraph cluster_${d.id} {`,
      `    label=${label([daemonTitle(d), ...daemonLines(d)])}; style="rounded"; color="#546e7a";`,
    );
    // The box's own node: links to the daemon (a VM runs it, an instance hosts it) end here.
    lines.push(`    ${d.id} [label="", shape=point, width=0.05, style=invis];`);
    for (const n of nodesOf(d)) lines.push(`    ${n.id} [label=${label(nodeLines(n))}, shape=${shape(n)}${style(n)}];`);
    lines.push('  }');
  }
  for (const e of edgesOf(g)) {
    const attrs = [
      ...(e.label ? [`label=${q(e.label)}`] : []),
      ...(e.kind === 'nic'
        ? ['dir=none', 'color="#1565c0"']
        : e.kind === 'profile' || e.kind === 'pool'
          ? ['style=dashed', 'color="#78909c"']
          : [`label=${q(e.kind)}`]),
    ];
    // A link to a daemon ends at its box's border.
    if (e.kind === 'runs' || e.kind === 'hosts') attrs.push(`lhead=cluster_${e.to}`);
    lines.push(`  ${e.from} -> ${e.to} [${attrs.join(', ')}];`);
  }
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

function shape(n: GraphNode): string {
  switch (n.kind) {
    case 'pool':
      return 'cylinder';
    case 'network':
      return 'hexagon';
    case 'matchbox-server':
      return 'component';
    case 'matchbox-group':
      return 'cds';
    case 'vm':
      return 'box3d';
    default:
      return 'box';
  }
}

const COLORS: Record<string, string> = {
  'in sync': '#2e7d32',
  changed: '#ef6c00',
  missing: '#c62828',
  undeclared: '#6a1b9a',
};

function style(n: GraphNode): string {
  if (n.conflicts.length) return ', color="#c62828", penwidth=3, fillcolor="#ffebee"';
  if (!n.live) return '';
  const dashed = n.live.status === 'missing' || n.live.status === 'undeclared' ? ', style="rounded,filled,dashed"' : '';
  return `, color="${COLORS[n.live.status]}", penwidth=2${dashed}, xlabel=${JSON.stringify(n.live.status)}`;
}
