import { Construct } from 'constructs';
import { ITerraformDependable, TerraformResource } from '../core/cdk';
import { terraformResourcesOf } from '../core/escape-hatch';
import { Image as ImageV3 } from '../../generated/providers/lxd/image';
import { CachedImage as CachedImageV2 } from '../../generated/providers/lxd-v2/cached-image';
import { imageRemote } from '../../src/lxd/backend';
import { imageCopy, imageDelete } from '../../src/lxd/cli';
import { checkImageAlias, checkImageSource, parseImageSource } from '../../src/lxd/names';
import { booleans, checkProps, checkRequired } from '../../src/validation/props';
import { backendOf, IHost, IOnHost, registerName } from '../core/host';
import { incusImage } from '../render/incus-provider';
import { renderingOf } from '../render/rendering';
import { readProps } from '../core/input';

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
  public get terraformResources(): TerraformResource[] {
    return terraformResourcesOf(this);
  }

  constructor(scope: Construct, id: string, props: CachedImageProps) {
    super(scope, id);
    props = readProps(this.node.path, props);
    this.host = props.host;
    this.alias = props.alias ?? id;
    checkProps(this.node.path, [
      booleans(props, ['autoUpdate']),
      checkRequired('source', props.source, checkImageSource, imageRemote(backendOf(props.host))),
      checkRequired('alias', this.alias, checkImageAlias),
    ]);
    const source = parseImageSource(props.source)!;
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
        converge: imageCopy(
          props.source,
          this.alias,
          autoUpdate,
          ownership.config,
          backendOf(this.host),
          ownership.claim,
        ),
        destroy: imageDelete(this.alias, backendOf(this.host)),
      }),
      provider: (t) =>
        t.backend === 'incus'
          ? incusImage(this, 'resource', t, source, this.alias)
          : t.version === 'v3'
            ? new ImageV3(this, 'resource', {
                remote: t.remote,
                sourceImage: { image: props.source },
                aliases: [this.alias],
                dependsOn: t.dependsOn,
              })
            : new CachedImageV2(this, 'resource', {
                remote: t.remote,
                sourceRemote: source.remote,
                sourceImage: source.name,
                aliases: [this.alias],
                dependsOn: t.dependsOn,
              }),
    }).ready;
  }
}
