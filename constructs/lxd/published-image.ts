import { Construct } from 'constructs';
import { ITerraformDependable, TerraformResource } from '../core/cdk';
import { terraformResourcesOf } from '../core/escape-hatch';
import { imageDelete } from '../../src/lxd/cli';
import { checkConfigKey, checkConfigValue, checkImageAlias } from '../../src/lxd/names';
import { checkPublishedProperty, imagePublish } from '../../src/lxd/publish';
import { booleans, checkProps, checkRequired, Checks } from '../../src/validation/props';
import { singleLine } from '../../src/validation/rules';
import { backendOf, IHost, IOnHost, registerName } from '../core/host';
import { renderingOf } from '../render/rendering';
import { IContainer } from './icontainer';
import { readProps } from '../core/input';

/** Props of {@link PublishedImage}. */
export interface PublishedImageProps {
  /** The container the image is built from (stopped for the publish if it runs, then started again). */
  readonly container: IContainer;
  /** Local alias containers can use as their `image`. @default - the construct id */
  readonly alias?: string;
  /** Image properties (`lxc publish … key=value`), e.g. `{ os: 'debian', release: '12' }`; they change in place. @default {} */
  readonly properties?: Record<string, string>;
  /**
   * Any value: the image is built once, and built again (old image deleted, container published
   * again) only when this value changes, e.g. a date or a version. Changes to the container
   * alone never rebuild it.
   * @default '1'
   */
  readonly rebuild?: string;
  /** `--public`: other LXD servers may pull it without trust. @default false */
  readonly public?: boolean;
  /**
   * Take over an object of this name that exists on the daemon already and is not the app's (made by
   * hand, or by another app): the stack then owns it, converges it to these props, and deletes it when
   * it leaves the code. Without it, such an object fails the deploy before anything is changed.
   * @default false
   */
  readonly adopt?: boolean;
}

/**
 * An image built from a container with `lxc publish INSTANCE --alias ALIAS key=value…`. Pass it as
 * a container's `image`. Destroy deletes the image (containers launched from it keep their own copy).
 */
export class PublishedImage extends Construct implements IOnHost {
  /** The host the image is published on. */
  public readonly host: IHost;
  /** The local alias: use it (or the construct) as a container's `image`. */
  public readonly alias: string;
  /** What a container launched from the image must depend on. */
  public readonly ready: ITerraformDependable[];

  /** Escape hatch: the Terraform resources this construct synthesizes, e.g. for `addOverride`. */
  public get terraformResources(): TerraformResource[] {
    return terraformResourcesOf(this);
  }

  constructor(scope: Construct, id: string, props: PublishedImageProps) {
    super(scope, id);
    const path = this.node.path;
    props = readProps(path, props);
    this.host = props.container.host;
    this.alias = props.alias ?? id;
    const rebuild = props.rebuild ?? '1';
    checkProps(path, publishedImageChecks(props, this.alias, rebuild));
    registerName(this.host, 'image alias', this.alias, this);
    this.ready = renderingOf(this).lxdObject(this, 'image', {
      host: this.host,
      dependsOn: [...this.host.ready, ...props.container.ready],
      lifecycle: { kind: 'image', name: this.alias },
      adopt: props.adopt,
      cli: (ownership) => ({
        identity: { kind: 'lxd-published-image', alias: this.alias, instance: props.container.containerName },
        settings: { properties: { ...props.properties, ...ownership.config }, rebuild, public: props.public ?? false },
        converge: imagePublish(
          {
            instance: props.container.containerName,
            alias: this.alias,
            rebuild,
            public: props.public,
            properties: { ...props.properties, ...ownership.config },
          },
          backendOf(this.host),
          ownership.claim,
        ),
        destroy: imageDelete(this.alias, backendOf(this.host)),
      }),
    }).ready;
  }
}

/** The checks of a published image's props (`alias` and `rebuild` with their defaults). */
function publishedImageChecks(props: PublishedImageProps, alias: string, rebuild: string): Checks {
  return [
    booleans(props, ['public']),
    checkRequired('alias', alias, checkImageAlias),
    Object.entries(props.properties ?? {}).flatMap(([k, v]) => [
      checkRequired(`properties.${k}`, k, checkConfigKey),
      checkRequired(`properties.${k}`, v, checkConfigValue),
      checkRequired(`properties.${k}`, k, checkPublishedProperty),
    ]),
    checkRequired('rebuild', rebuild, singleLine('use e.g. a date or a version: "2024-06-01"')),
  ];
}
