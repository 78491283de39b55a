import { Construct } from 'constructs';
import { ITerraformDependable, TerraformResource } from '../core/cdk';
import { terraformResourcesOf } from '../core/escape-hatch';
import { preseedApply, script } from '../../src/lxd/cli';
import { preseedPasswords, refuseTrustPasswordLines, trustPasswordAllowed } from '../../src/lxd/version';
import { checkPreseed, PreseedDocument, preseedHasSecret, renderPreseed } from '../../src/lxd/preseed';
import { checkNetworkName, checkObjectName } from '../../src/lxd/names';
import { checkProps, checkRequired, Checks, found, shown } from '../../src/validation/props';
import { ensure } from '../../src/validation/rule';
import { ManagedObject } from '../core/managed-object';
import { yamlSafeTokens } from '../core/terraform-values';
import { backendConfig, BackendSpec } from '../../src/lxd/backend';
import { backendOf, IHost, runnerOf } from '../core/host';
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
  public get terraformResources(): TerraformResource[] {
    return terraformResourcesOf(this);
  }

  constructor(scope: Construct, id: string, props: LxdPreseedProps) {
    super(scope, id);
    const path = this.node.path;
    props = readProps(path, props);
    this.host = props.host;
    this.preseed = props.preseed;
    const b = backendOf(this.host);
    // LXD 6.1 removed trust passwords: refused at synth when the host declares such a version, else checked on the host.
    const passwords = b.name === 'lxd' ? preseedPasswords(props.preseed) : [];
    checkProps(path, preseedChecks(props.preseed, b, passwords, this.host.minLxdVersion));
    const guard = passwords.length
      ? script(refuseTrustPasswordLines(`${b.client} query /1.0`, `the preseed of ${path}`))
      : '';
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

/** The checks of a preseed document for backend `b` (`passwords`: where it sets a trust password, on LXD). */
function preseedChecks(
  doc: PreseedDocument,
  b: BackendSpec,
  passwords: readonly string[],
  minLxdVersion: string | undefined,
): Checks {
  const c = doc.cluster;
  return [
    (doc.networks ?? []).map((n) => checkRequired('preseed.networks.name', n.name, checkNetworkName)),
    [...(doc.storagePools ?? []), ...(doc.profiles ?? []), ...(doc.projects ?? [])].map((p) =>
      checkRequired('preseed.name', p.name, checkObjectName),
    ),
    checkRequired(
      'preseed.cluster',
      c,
      ensure(
        c?.clusterToken === undefined || c.clusterPassword === undefined,
        'a join uses a token or a password, not both',
        'keep clusterToken (any LXD since 4.x, the only one from 6.1) or clusterPassword (LXD 5.x and older)',
      ),
    ),
    checkPreseed(doc, b.name).map((p) => found(`preseed.${p.property}`, p.value, p)),
    Object.entries(doc.config ?? {}).map(([k, v]) =>
      shown(checkRequired(`preseed.config.${k}`, String(v), backendConfig(k, b)), v),
    ),
    (doc.networks ?? []).flatMap((n) =>
      Object.entries(n.config ?? {}).map(([k, v]) =>
        checkRequired(`preseed.networks.${n.name}.config.${k}`, v, backendConfig(k, b)),
      ),
    ),
    checkRequired(
      'preseed.cluster.clusterPassword',
      c?.clusterPassword,
      ensure(
        b.name !== 'incus' || c?.clusterPassword === undefined,
        'Incus joins a cluster with a token only',
        'use clusterToken (incus cluster add NAME prints one)',
      ),
    ),
    passwords.map((k) => checkRequired(`preseed.${k}`, '(secret)', trustPasswordAllowed(minLxdVersion, k))),
  ];
}
