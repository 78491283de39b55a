// https://registry.terraform.io/providers/terraform-lxd/lxd/3.0.2/docs
// generated from terraform resource schema

import { Construct } from 'constructs';
import * as cdktf from '../../../../constructs/core/cdk';

// Configuration

export interface LxdProviderConfig {
  /**
  * Name of the default LXD remote to use when no remote is specified in the resource. If two or more remotes are defined, one must be set as the default.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/terraform-lxd/lxd/3.0.2/docs#default_remote LxdProvider#default_remote}
  */
  readonly defaultRemote?: string;
  /**
  * Alias name
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/terraform-lxd/lxd/3.0.2/docs#alias LxdProvider#alias}
  */
  readonly alias?: string;
  /**
  * remote block
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/terraform-lxd/lxd/3.0.2/docs#remote LxdProvider#remote}
  */
  readonly remote?: LxdProviderRemote[] | cdktf.IResolvable;
}
export interface LxdProviderRemote {
  /**
  * Address of the LXD or SimpleStreams remote.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/terraform-lxd/lxd/3.0.2/docs#address LxdProvider#address}
  */
  readonly address: string;
  /**
  * Bearer token for authentication.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/terraform-lxd/lxd/3.0.2/docs#bearer_token LxdProvider#bearer_token}
  */
  readonly bearerToken?: string;
  /**
  * Path to the file containing the bearer token for authentication.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/terraform-lxd/lxd/3.0.2/docs#bearer_token_file LxdProvider#bearer_token_file}
  */
  readonly bearerTokenFile?: string;
  /**
  * PEM-encoded client certificate for mTLS authentication.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/terraform-lxd/lxd/3.0.2/docs#client_certificate LxdProvider#client_certificate}
  */
  readonly clientCertificate?: string;
  /**
  * Path to the PEM-encoded client certificate for mTLS authentication.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/terraform-lxd/lxd/3.0.2/docs#client_certificate_file LxdProvider#client_certificate_file}
  */
  readonly clientCertificateFile?: string;
  /**
  * PEM-encoded private key for mTLS authentication.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/terraform-lxd/lxd/3.0.2/docs#client_key LxdProvider#client_key}
  */
  readonly clientKey?: string;
  /**
  * Path to the PEM-encoded private key for mTLS authentication.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/terraform-lxd/lxd/3.0.2/docs#client_key_file LxdProvider#client_key_file}
  */
  readonly clientKeyFile?: string;
  /**
  * Name of the LXD remote.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/terraform-lxd/lxd/3.0.2/docs#name LxdProvider#name}
  */
  readonly name: string;
  /**
  * Remote protocol
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/terraform-lxd/lxd/3.0.2/docs#protocol LxdProvider#protocol}
  */
  readonly protocol?: string;
  /**
  * SHA-256 fingerprint of the remote server's TLS certificate. Used to pin and verify the server certificate.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/terraform-lxd/lxd/3.0.2/docs#server_certificate_fingerprint LxdProvider#server_certificate_fingerprint}
  */
  readonly serverCertificateFingerprint?: string;
  /**
  * The trust token used for initial authentication with the LXD remote.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/terraform-lxd/lxd/3.0.2/docs#trust_token LxdProvider#trust_token}
  */
  readonly trustToken?: string;
}

export function lxdProviderRemoteToTerraform(struct?: LxdProviderRemote | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    address: cdktf.stringToTerraform(struct!.address),
    bearer_token: cdktf.stringToTerraform(struct!.bearerToken),
    bearer_token_file: cdktf.stringToTerraform(struct!.bearerTokenFile),
    client_certificate: cdktf.stringToTerraform(struct!.clientCertificate),
    client_certificate_file: cdktf.stringToTerraform(struct!.clientCertificateFile),
    client_key: cdktf.stringToTerraform(struct!.clientKey),
    client_key_file: cdktf.stringToTerraform(struct!.clientKeyFile),
    name: cdktf.stringToTerraform(struct!.name),
    protocol: cdktf.stringToTerraform(struct!.protocol),
    server_certificate_fingerprint: cdktf.stringToTerraform(struct!.serverCertificateFingerprint),
    trust_token: cdktf.stringToTerraform(struct!.trustToken),
  }
}


export function lxdProviderRemoteToHclTerraform(struct?: LxdProviderRemote | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    address: {
      value: cdktf.stringToHclTerraform(struct!.address),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    bearer_token: {
      value: cdktf.stringToHclTerraform(struct!.bearerToken),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    bearer_token_file: {
      value: cdktf.stringToHclTerraform(struct!.bearerTokenFile),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    client_certificate: {
      value: cdktf.stringToHclTerraform(struct!.clientCertificate),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    client_certificate_file: {
      value: cdktf.stringToHclTerraform(struct!.clientCertificateFile),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    client_key: {
      value: cdktf.stringToHclTerraform(struct!.clientKey),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    client_key_file: {
      value: cdktf.stringToHclTerraform(struct!.clientKeyFile),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    name: {
      value: cdktf.stringToHclTerraform(struct!.name),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    protocol: {
      value: cdktf.stringToHclTerraform(struct!.protocol),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    server_certificate_fingerprint: {
      value: cdktf.stringToHclTerraform(struct!.serverCertificateFingerprint),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    trust_token: {
      value: cdktf.stringToHclTerraform(struct!.trustToken),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}


/**
* Represents a {@link https://registry.terraform.io/providers/terraform-lxd/lxd/3.0.2/docs lxd}
*/
export class LxdProvider extends cdktf.TerraformProvider {

  // =================
  // STATIC PROPERTIES
  // =================
  public static readonly tfResourceType = "lxd";

  // ==============
  // STATIC Methods
  // ==============
  /**
  * Generates CDKTF code for importing a LxdProvider resource upon running "cdktf plan <stack-name>"
  * @param scope The scope in which to define this construct
  * @param importToId The construct id used in the generated config for the LxdProvider to import
  * @param importFromId The id of the existing LxdProvider that should be imported. Refer to the {@link https://registry.terraform.io/providers/terraform-lxd/lxd/3.0.2/docs#import import section} in the documentation of this resource for the id to use
  * @param provider? Optional instance of the provider where the LxdProvider to import is found
  */
  public static generateConfigForImport(scope: Construct, importToId: string, importFromId: string, provider?: cdktf.TerraformProvider) {
        return new cdktf.ImportableResource(scope, importToId, { terraformResourceType: "lxd", importId: importFromId, provider });
      }

  // ===========
  // INITIALIZER
  // ===========

  /**
  * Create a new {@link https://registry.terraform.io/providers/terraform-lxd/lxd/3.0.2/docs lxd} Resource
  *
  * @param scope The scope in which to define this construct
  * @param id The scoped construct ID. Must be unique amongst siblings in the same scope
  * @param options LxdProviderConfig = {}
  */
  public constructor(scope: Construct, id: string, config: LxdProviderConfig = {}) {
    super(scope, id, {
      terraformResourceType: 'lxd',
      terraformGeneratorMetadata: {
        providerName: 'lxd',
        providerVersion: '3.0.2'
      },
      terraformProviderSource: 'registry.terraform.io/terraform-lxd/lxd'
    });
    this._defaultRemote = config.defaultRemote;
    this._alias = config.alias;
    this._remote = config.remote;
  }

  // ==========
  // ATTRIBUTES
  // ==========

  // default_remote - computed: false, optional: true, required: false
  private _defaultRemote?: string; 
  public get defaultRemote() {
    return this._defaultRemote;
  }
  public set defaultRemote(value: string | undefined) {
    this._defaultRemote = value;
  }
  public resetDefaultRemote() {
    this._defaultRemote = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get defaultRemoteInput() {
    return this._defaultRemote;
  }

  // alias - computed: false, optional: true, required: false
  private _alias?: string; 
  public get alias() {
    return this._alias;
  }
  public set alias(value: string | undefined) {
    this._alias = value;
  }
  public resetAlias() {
    this._alias = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get aliasInput() {
    return this._alias;
  }

  // remote - computed: false, optional: true, required: false
  private _remote?: LxdProviderRemote[] | cdktf.IResolvable; 
  public get remote() {
    return this._remote;
  }
  public set remote(value: LxdProviderRemote[] | cdktf.IResolvable | undefined) {
    this._remote = value;
  }
  public resetRemote() {
    this._remote = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get remoteInput() {
    return this._remote;
  }

  // =========
  // SYNTHESIS
  // =========

  protected synthesizeAttributes(): { [name: string]: any } {
    return {
      default_remote: cdktf.stringToTerraform(this._defaultRemote),
      alias: cdktf.stringToTerraform(this._alias),
      remote: cdktf.listMapper(lxdProviderRemoteToTerraform, true)(this._remote),
    };
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    const attrs = {
      default_remote: {
        value: cdktf.stringToHclTerraform(this._defaultRemote),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      alias: {
        value: cdktf.stringToHclTerraform(this._alias),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      remote: {
        value: cdktf.listMapperHcl(lxdProviderRemoteToHclTerraform, true)(this._remote),
        isBlock: true,
        type: "list",
        storageClassType: "LxdProviderRemoteList",
      },
    };

    // remove undefined attributes
    return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined ))
  }
}
