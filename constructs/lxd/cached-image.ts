import { Construct } from 'constructs';
import { ITerraformDependable, TerraformResource } from '../core/cdk';
import { terraformResourcesOf } from '../core/escape-hatch';
import { Image as ImageV3 } from '../../generated/providers/lxd/image';
import { CachedImage as CachedImageV2 } from '../../generated/providers/lxd-v2/cached-image';
import { checkImageRemote } from '../../src/lxd/backend';
import { imageCopy, imageDelete } from '../../src/lxd/cli';
import { checkObjectName } from '../../src/lxd/names';
import { assertValid } from '../../src/validation/errors';
import { backendOf, IHost, registerName } from '../hosts/host';
import { incusImage } from '../render/incus-provider';
import { renderingOf } from '../render/rendering';
import { IOnHost } from './common';
import { assertBooleans, readProps } from '../core/input';

/** Props of {@link CachedImage}. */
export interface CachedImageProps {
  /** The host the image is copied to. */
  readonly host: IHost;
  /** Remote image, `remote:alias`, e.g. `ubuntu:22.04` or `images:alpine/3.19`. */
  readonly source: string;
  /** Local alias containers can use as their image. @default - the construct id */
  readonly alias?: string;
  /** Keep the copy up to date with the remote. @default true */
  readonly autoUpdate?: boolean;
  /**
   * Take over an object of this name that exists on the daemon already and is not the app's (made by
   * hand, or by another app): the stack then owns it, converges it to these props, and deletes it when
   * it leaves the code. Without it, such an object fails the deploy before anything is changed.
   * @default false
   */
  readonly adopt?: boolean;
}

/**
 * A remote image copied into the host's image store once, so containers start from the
 * local copy (`lxc image copy REMOTE:ALIAS local: --alias ALIAS`; `lxd_image` with provider rendering).
 */
export class CachedImage extends Construct implements IOnHost {
  /** The host holding the local copy. */
  public readonly host: IHost;
  /** The local alias: use it as a container's `image`. */
  public readonly alias: string;
  /** What a container launched from the image must depend on. */
  public readonly ready: ITerraformDependable[];

  /** Escape hatch: the Terraform resources this construct synthesizes, e.g. for `addOverride`. */
  public get terraformResources(): TerraformResource[] { return terraformResourcesOf(this); }

  constructor(scope: Construct, id: string, props: CachedImageProps) {
    super(scope, id);
    props = readProps(this.node.path, props);
    assertBooleans(this.node.path, props, ['autoUpdate']);
    this.host = props.host;
    this.alias = props.alias ?? id;
    const m = /^([A-Za-z0-9_.-]+):([A-Za-z0-9][A-Za-z0-9_./-]*)$/.exec(props.source);
    assertValid(this.node.path, 'source', props.source, m ? undefined : { reason: 'not remote:alias', fix: 'use e.g. ubuntu:22.04 or images:alpine/3.19' });
    assertValid(this.node.path, 'alias', this.alias, checkObjectName(this.alias.replace(/\//g, '-')));
    assertValid(this.node.path, 'source', props.source, checkImageRemote(props.source, backendOf(props.host)));
    const autoUpdate = props.autoUpdate ?? true;
    registerName(this.host, 'image alias', this.alias, this);
    this.ready = renderingOf(this).lxdObject(this, 'image', {
      host: this.host,
      dependsOn: this.host.ready,
      lifecycle: { kind: 'image', name: this.alias },
      adopt: props.adopt,
      cli: (ownership) => ({
        identity: { kind: 'lxd-image', source: props.source, alias: this.alias },
        settings: { autoUpdate, properties: ownership.config },
        converge: imageCopy(props.source, this.alias, autoUpdate, ownership.config, backendOf(this.host), ownership.claim),
        destroy: imageDelete(this.alias, backendOf(this.host)),
      }),
      provider: (t) => t.backend === 'incus'
        ? incusImage(this, 'resource', t, { remote: m![1], name: m![2] }, this.alias)
        : t.version === 'v3'
        ? new ImageV3(this, 'resource', { remote: t.remote, sourceImage: { image: props.source }, aliases: [this.alias], dependsOn: t.dependsOn })
        : new CachedImageV2(this, 'resource', { remote: t.remote, sourceRemote: m![1], sourceImage: m![2], aliases: [this.alias], dependsOn: t.dependsOn }),
    }).ready;
  }
}
