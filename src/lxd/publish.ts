import { shq } from '../shell/quote';
import { sortedMap } from '../util/objects';
import { BackendSpec, imageSetProperty, LXD_BACKEND } from './backend';
import { Claim, imageClaimLines, script } from './cli';
import { ConfigMap } from './model';
import { Verdict } from '../validation/errors';

/** Image property recording the rebuild value an image was published with. */
export const REBUILD_PROPERTY = 'user.cdktf.rebuild';

/** Rule: an image property key the user may set (`user.cdktf.*` are the library's own bookkeeping). */
export function checkPublishedProperty(key: string): Verdict | undefined {
  return key.startsWith('user.cdktf.')
    ? { reason: "user.cdktf.* properties are the library's own bookkeeping", fix: 'use another key' }
    : undefined;
}

/** An image published from an instance. */
export interface PublishModel {
  /** The instance to publish (stopped for the publish if it runs, then started again). */
  readonly instance: string;
  /** The alias the image gets; containers use it as their `image`. */
  readonly alias: string;
  /** Image properties, set at publish (`key=value`) and kept converged. */
  readonly properties: ConfigMap;
  /** Any value: the image is published again only when it differs from the one it was built with. */
  readonly rebuild: string;
  /** `--public`. */
  readonly public?: boolean;
}

/**
 * Publishes `instance` as an image (`lxc publish INSTANCE --alias A key=value...`) unless an image
 * with the alias exists and was built with the same `rebuild` value; then only its properties are
 * converged. A different `rebuild` value deletes the old image and publishes again. An image of
 * the alias that `claim` does not allow stops the script first.
 */
export function imagePublish(p: PublishModel, b: BackendSpec = LXD_BACKEND, claim?: Claim): string {
  const props = sortedMap({ ...p.properties, [REBUILD_PROPERTY]: p.rebuild });
  const pairs = Object.entries(props).map(([k, v]) => shq(`${k}=${v}`));
  const alias = shq(p.alias);
  return script([
    // An image of the alias that is not the app's is neither replaced nor changed.
    ...(claim
      ? [`if ${b.client} image info ${alias} >/dev/null 2>&1; then`, ...imageClaimLines(p.alias, b, claim), '  :', 'fi']
      : []),
    `if have=$(${b.client} image get-property ${alias} ${REBUILD_PROPERTY} 2>/dev/null) && [ "$have" = ${shq(p.rebuild)} ]; then`,
    '  :',
    'else',
    `  if ${b.client} image info ${alias} >/dev/null 2>&1; then ${b.client} image delete ${alias}; fi`,
    `  ${b.client} publish ${shq(p.instance)} --force --alias ${alias}${p.public ? ' --public' : ''} ${pairs.join(' ')} --quiet >/dev/null`,
    'fi',
    ...Object.entries(props).map(([k, v]) => imageSetProperty(b, p.alias, k, v)),
  ]);
}
