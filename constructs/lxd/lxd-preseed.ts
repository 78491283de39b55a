import { Construct } from 'constructs';
import { ITerraformDependable, TerraformResource } from '../core/cdk';
import { terraformResourcesOf } from '../core/escape-hatch';
import { preseedApply, script } from '../../src/lxd/cli';
import { checkTrustPassword, preseedPasswords, refuseTrustPasswordLines } from '../../src/lxd/version';
import { checkPreseed, PreseedDocument, preseedHasSecret, renderPreseed } from '../../src/lxd/preseed';
import { checkNetworkName, checkObjectName } from '../../src/lxd/names';
import { assertValid } from '../../src/validation/errors';
import { ManagedObject } from '../core/managed-object';
import { yamlSafeTokens } from '../core/terraform-values';
import { checkBackendConfig } from '../../src/lxd/backend';
import { backendOf, IHost, runnerOf } from '../hosts/host';
import { readProps } from '../core/input';

/** Props of {@link LxdPreseed}. */
export interface LxdPreseedProps {
  /** The host whose LXD daemon the preseed is applied to. */
  readonly host: IHost;
  /** The preseed tree: server config, networks, storage pools, profiles, projects, cluster. */
  readonly preseed: PreseedDocument;
  /** Must be applied first, e.g. the bootstrap member's preseed before a join. @default [] */
  readonly dependsOn?: ITerraformDependable[];
}

/**
 * Applies an `lxd init --preseed` document on a host. LXD applies it atomically and
 * re-applying converges. Destroy leaves the host as it is (LXD has no "un-init").
 * A preseed with a trust password or cluster secret is handled as sensitive.
 * To apply it at first boot instead, pass the document to `CloudConfig`'s `lxd.preseed`.
 */
export class LxdPreseed extends Construct {
  /** The host the preseed is applied to. */
  public readonly host: IHost;
  /** What a user of the initialized daemon must depend on. */
  public readonly ready: ITerraformDependable[];
  /** The preseed document applied. */
  public readonly preseed: PreseedDocument;

  /** Escape hatch: the Terraform resources this construct synthesizes, e.g. for `addOverride`. */
  public get terraformResources(): TerraformResource[] { return terraformResourcesOf(this); }

  constructor(scope: Construct, id: string, props: LxdPreseedProps) {
    super(scope, id);
    const path = this.node.path;
    props = readProps(path, props);
    this.host = props.host;
    this.preseed = props.preseed;
    for (const n of props.preseed.networks ?? []) assertValid(path, 'preseed.networks.name', n.name, checkNetworkName(n.name));
    for (const p of [...(props.preseed.storagePools ?? []), ...(props.preseed.profiles ?? []), ...(props.preseed.projects ?? [])]) {
      assertValid(path, 'preseed.name', p.name, checkObjectName(p.name));
    }
    const c = props.preseed.cluster;
    assertValid(path, 'preseed.cluster', c, c?.clusterToken !== undefined && c.clusterPassword !== undefined
      ? { reason: 'a join uses a token or a password, not both', fix: 'keep clusterToken (any LXD since 4.x, the only one from 6.1) or clusterPassword (LXD 5.x and older)' } : undefined);
    const b = backendOf(this.host);
    for (const p of checkPreseed(props.preseed, b.name)) assertValid(path, `preseed.${p.property}`, p.value, { reason: p.reason, fix: p.fix });
    for (const [k, v] of Object.entries(props.preseed.config ?? {})) assertValid(path, `preseed.config.${k}`, v, checkBackendConfig(k, String(v), b));
    for (const n of props.preseed.networks ?? []) {
      for (const [k, v] of Object.entries(n.config ?? {})) assertValid(path, `preseed.networks.${n.name}.config.${k}`, v, checkBackendConfig(k, v, b));
    }
    assertValid(path, 'preseed.cluster.clusterPassword', c?.clusterPassword, b.name === 'incus' && c?.clusterPassword !== undefined
      ? { reason: 'Incus joins a cluster with a token only', fix: 'use clusterToken (incus cluster add NAME prints one)' } : undefined);
    // LXD 6.1 removed trust passwords: refused at synth when the host declares such a version, else checked on the host.
    const passwords = b.name === 'lxd' ? preseedPasswords(props.preseed) : [];
    for (const k of passwords) assertValid(path, `preseed.${k}`, '(secret)', checkTrustPassword(this.host.minLxdVersion, k));
    const guard = passwords.length ? script(refuseTrustPasswordLines(`${b.client} query /1.0`, `the preseed of ${path}`)) : '';
    // Terraform values (variables, references) are inserted as JSON strings, which are valid YAML:
    // a raw value with a newline (a PEM certificate) or a quote would break the document.
    const doc = yamlSafeTokens(props.preseed);
    const obj = new ManagedObject(this, 'preseed', {
      runner: runnerOf(this.host),
      dependsOn: [...this.host.ready, ...(props.dependsOn ?? [])],
      deletable: false,
      sensitive: preseedHasSecret(props.preseed),
      state: () => ({
        identity: { kind: 'lxd-preseed' },
        settings: { preseed: renderPreseed(doc) },
        converge: guard + preseedApply(doc, backendOf(this.host)),
        destroy: '',
      }),
    });
    this.ready = [obj.object, obj.converged];
  }
}
