import { GraphNode, LabGraph, nodesOf } from './model';
import { daemonLines, daemonTitle, edgesOf, GraphEdge, nodeLines } from './parts';

/** The graph as a Mermaid flowchart (for READMEs and pull requests). */
export function toMermaid(g: LabGraph): string {
  const lines = ['flowchart LR'];
  const text = (parts: readonly string[]) => `"${parts.map(escape).join('<br/>')}"`;
  if (g.stacks.length > 1 || g.stacks.some((s) => s.dependencies.length)) {
    lines.push('  subgraph stacks["stacks"]');
    g.stacks.forEach((s, i) => lines.push(`    s${i}(["stack ${escape(s.name)}"])`));
    lines.push('  end');
    g.stacks.forEach((s, i) =>
      s.dependencies.forEach((dep) => {
        const j = g.stacks.findIndex((x) => x.name === dep);
        if (j >= 0) lines.push(`  s${i} -- "depends on" --> s${j}`);
      }),
    );
  }
  const classes: [string, string][] = [];
  for (const d of g.daemons) {
    lines.push(`  subgraph ${d.id}[${text([daemonTitle(d), ...daemonLines(d)])}]`, '    direction TB');
    for (const n of nodesOf(d)) {
      lines.push(`    ${n.id}${shape(n, text(nodeLines(n)))}`);
      const c = classOf(n);
      if (c) classes.push([n.id, c]);
    }
    lines.push('  end');
  }
  for (const e of edgesOf(g)) lines.push(`  ${edge(e)}`);
  lines.push(
    '  classDef sync stroke:#2e7d32,stroke-width:2px',
    '  classDef changed stroke:#ef6c00,stroke-width:3px',
    '  classDef missing stroke:#c62828,stroke-width:3px,stroke-dasharray:5 3',
    '  classDef undeclared stroke:#6a1b9a,stroke-width:3px,stroke-dasharray:2 2',
    '  classDef conflict fill:#ffebee,stroke:#c62828,stroke-width:3px',
  );
  for (const [id, c] of classes) lines.push(`  class ${id} ${c}`);
  return `${lines.join('\n')}\n`;
}

/** Mermaid text inside double quotes: no quotes, no markup, no `#` entity starts. */
function escape(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/#/g, '&num;')
    .replace(/"/g, '&quot;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

function shape(n: GraphNode, label: string): string {
  switch (n.kind) {
    case 'pool':
      return `[(${label})]`;
    case 'network':
      return `{{${label}}}`;
    case 'profile':
    case 'matchbox-profile':
      return `([${label}])`;
    case 'matchbox-server':
      return `[/${label}/]`;
    case 'matchbox-group':
      return `>${label}]`;
    default:
      return `[${label}]`;
  }
}

function edge(e: GraphEdge): string {
  const label = e.label ? ` -- "${escape(e.label)}" ---` : ' ---';
  switch (e.kind) {
    case 'nic':
      return `${e.from}${label} ${e.to}`;
    case 'boots':
      return `${e.from} -- "boots" --> ${e.to}`;
    case 'runs':
      return `${e.from} -- "runs" --> ${e.to}`;
    case 'hosts':
      return `${e.from} -- "hosts" --> ${e.to}`;
    default:
      return `${e.from} -.-> ${e.to}`;
  }
}

function classOf(n: GraphNode): string | undefined {
  if (n.conflicts.length) return 'conflict';
  const status = n.live?.status;
  return status === 'in sync' ? 'sync' : status;
}
