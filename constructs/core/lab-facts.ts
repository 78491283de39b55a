import { IConstruct } from 'constructs';
import { BridgeFact, HostFact, LabFacts, MatchboxFact } from '../../src/lifecycle/manifest';
import { DaemonHost, daemonOf, machineOfHost, recordStoreOfHost } from './daemons';

/**
 * The lab manifest's `facts` for the `graph` command: the stack's hosts, bridges and Matchbox
 * servers, found by shape in its construct tree (importing their classes would be a cycle).
 */
export function labFacts(stack: IConstruct): LabFacts {
  const hosts: HostFact[] = [];
  const bridges: BridgeFact[] = [];
  const matchbox: MatchboxFact[] = [];
  for (const c of stack.node.findAll()) {
    const x = c as unknown as Record<string, unknown>;
    if (x._runner && typeof x.backend === 'string' && Array.isArray(x.ready)) {
      const host = c as unknown as DaemonHost;
      const parent = host._daemonParent;
      const runner = host._runner;
      hosts.push({
        path: c.node.path,
        daemon: daemonOf(host).id,
        machine: machineOfHost(host).label,
        ...(parent?.kind === 'instance' && runner.kind === 'lxd-exec'
          ? { within: { daemon: daemonOf(parent.host).id, instance: runner.instance } }
          : {}),
      });
    } else if (typeof x.networkName === 'string' && typeof x.managed === 'boolean' && x.host) {
      bridges.push({
        path: c.node.path,
        daemon: daemonOf(x.host as DaemonHost).id,
        name: x.networkName,
        managed: x.managed,
        ...(typeof x.ipv4Cidr === 'string' ? { ipv4Cidr: x.ipv4Cidr } : {}),
      });
    } else if (typeof x.httpEndpoint === 'string' && typeof x.dataDir === 'string' && x.host) {
      matchbox.push({
        path: c.node.path,
        httpEndpoint: x.httpEndpoint,
        dataDir: x.dataDir,
        store: recordStoreOfHost(x.host as DaemonHost).id,
      });
    }
  }
  return { hosts, bridges, matchbox };
}
