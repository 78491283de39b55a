/**
 * hashicorp/null's `null_resource` and its provider, for `commandResource: 'null_resource'`.
 *
 * Emitted through the core's plain TerraformResource/TerraformProvider instead of the prebuilt
 * `@cdktf/provider-null` bindings, which load their own `cdktf` (there is no cdktn build of them):
 * the same JSON as those bindings (null ~> 3.0), on cdktf and on cdktn alike.
 */
import { Construct } from 'constructs';
import {
  hashMapper,
  hashMapperHcl,
  stringToHclTerraform,
  stringToTerraform,
  TerraformMetaArguments,
  TerraformProvider,
  TerraformResource,
} from './cdk';

/** The provider version the resources are written for (as `@cdktf/provider-null` 11 pinned). */
const NULL_PROVIDER_METADATA = { providerName: 'null', providerVersion: '3.2.4', providerVersionConstraint: '~> 3.0' };

/** Config of {@link NullResource}: the meta-arguments and `triggers`. */
export interface NullResourceConfig extends TerraformMetaArguments {
  /** A map of strings; any change replaces the resource. */
  readonly triggers?: Record<string, string>;
}

/** A `null_resource` (hashicorp/null). */
export class NullResource extends TerraformResource {
  public static readonly tfResourceType = 'null_resource';
  private readonly triggersValue?: Record<string, string>;

  constructor(scope: Construct, id: string, config: NullResourceConfig = {}) {
    super(scope, id, {
      terraformResourceType: 'null_resource',
      terraformGeneratorMetadata: NULL_PROVIDER_METADATA,
      provider: config.provider,
      dependsOn: config.dependsOn,
      count: config.count,
      lifecycle: config.lifecycle,
      provisioners: config.provisioners,
      connection: config.connection,
      forEach: config.forEach,
    });
    this.triggersValue = config.triggers;
  }

  protected synthesizeAttributes(): Record<string, unknown> {
    return { triggers: hashMapper(stringToTerraform)(this.triggersValue) };
  }

  protected synthesizeHclAttributes(): Record<string, unknown> {
    const triggers = hashMapperHcl(stringToHclTerraform)(this.triggersValue);
    return triggers === undefined
      ? {}
      : { triggers: { value: triggers, isBlock: false, type: 'map', storageClassType: 'stringMap' } };
  }
}

/** The `null` provider block (`source = "null"`, `~> 3.0` in required_providers; no alias). */
export class NullProvider extends TerraformProvider {
  public static readonly tfResourceType = 'null';

  constructor(scope: Construct, id: string) {
    super(scope, id, {
      terraformResourceType: 'null',
      terraformGeneratorMetadata: NULL_PROVIDER_METADATA,
      terraformProviderSource: 'null',
    });
  }
}
