import { Construct } from 'constructs';
import { Fn, ITerraformDependable, TerraformOutput, TerraformResource, TerraformStack, Token } from '../../core/cdk';
import { runnerCommand } from '../../../src/hosts/runner';
import { TLS_FILES, tlsPrint } from '../../../src/matchbox/scripts';
import { shq } from '../../../src/shell/quote';
import { ManagedObject, tfLiteral } from '../../core/managed-object';
import { outputPrefix } from './common';
import { IMatchboxServer } from '../imatchbox-server';
import { MatchboxCredentials } from '../../render/matchbox-target';
import { MatchboxTlsProps } from '../server-props';
import { fileNameWord } from '../../../src/util/names';
import { runnerOf } from '../../core/host';

/** The credentials of a server with given TLS material: the given PEM text ('' when not given). */
export function givenCredentials(server: IMatchboxServer, tls: MatchboxTlsProps): MatchboxCredentials {
  return {
    endpoint: server.grpcEndpoint,
    ca: tls.caCert,
    clientCert: tls.clientCert ?? '',
    clientKey: tls.clientKey ?? '',
  };
}

/**
 * Copies the generated client credentials to a local directory after each converge of the
 * server (a local command reading them through the host's runner: no key in any command line),
 * and returns expressions that read them once they are there. Creates `<server>/credentials`.
 */
export function fetchCredentials(
  server: IMatchboxServer,
  dir: string | undefined,
  setup: ManagedObject,
): MatchboxCredentials {
  // `dir` was checked with the server's props (a plain path); the default is one by construction.
  const local = dir ?? `../../../.matchbox/${fileNameWord(TerraformStack.of(server).node.id)}-${outputPrefix(server)}`;
  const files = [TLS_FILES.ca, TLS_FILES.clientCert, TLS_FILES.clientKey];
  const copy = files.map(
    (f) =>
      `printf '%s\\n' ${shq(tlsPrint(f))} | ${runnerCommand(runnerOf(server.host))} > ${shq(`${local}/${f}.tmp`)} && mv -f ${shq(`${local}/${f}.tmp`)} ${shq(`${local}/${f}`)}`,
  );
  const fetch = new CommandResource(server, 'credentials', {
    triggersReplace: [setup.converged.getStringAttribute('id')],
    create: tfLiteral(['umask 077', `mkdir -p ${shq(local)}`, ...copy].join(' && ')),
    destroy: tfLiteral(`rm -f ${files.map((f) => shq(`${local}/${f}`)).join(' ')}`),
    dependsOn: [setup.converged],
  });
  // Read after apply: the path carries an empty piece of the copy's id, so while the copy has
  // not run (its id unknown at plan) the path is unknown and no file is read.
  const read = (f: string) => {
    const p = `${Fn.substr(fetch.getStringAttribute('id'), 0, 0)}${local}/${f}`;
    return Token.asString(Fn.conditional(Fn.fileexists(p), Fn.file(p), ''));
  };
  return {
    endpoint: server.grpcEndpoint,
    ca: read(TLS_FILES.ca),
    clientCert: read(TLS_FILES.clientCert),
    clientKey: read(TLS_FILES.clientKey),
  };
}

/**
 * The server's Terraform outputs, named `<construct path>_<name>`: the endpoints, and the CA,
 * client certificate and client key (sensitive) unless given TLS material leaves them out.
 */
export function serverOutputs(server: IMatchboxServer, tls: MatchboxTlsProps | undefined): void {
  const prefix = outputPrefix(server);
  const out = (id: string, value: string, description: string, sensitive = false) => {
    new TerraformOutput(server, id, { value, description, sensitive }).overrideLogicalId(`${prefix}_${id}`);
  };
  out('http_endpoint', server.httpEndpoint, 'Matchbox HTTP endpoint (iPXE, Ignition, assets)');
  out('grpc_endpoint', server.grpcEndpoint, "Matchbox gRPC API: the matchbox provider's endpoint");
  if (!tls || tls.caCert) out('ca_cert', server.credentials.ca, "CA certificate: the matchbox provider's ca", true);
  if (!tls || tls.clientCert !== undefined)
    out('client_cert', server.credentials.clientCert, "Client certificate: the matchbox provider's client_cert", true);
  if (!tls || tls.clientKey !== undefined)
    out('client_key', server.credentials.clientKey, "Client key: the matchbox provider's client_key", true);
}

/** A `terraform_data` running local commands on create and destroy (no script on stdin, no secret). */
class CommandResource extends TerraformResource {
  constructor(
    scope: Construct,
    id: string,
    private readonly c: {
      triggersReplace: unknown;
      create: string;
      destroy: string;
      dependsOn: ITerraformDependable[];
    },
  ) {
    super(scope, id, {
      terraformResourceType: 'terraform_data',
      terraformGeneratorMetadata: { providerName: 'terraform' },
      dependsOn: c.dependsOn,
      provisioners: [
        { type: 'local-exec', command: c.create },
        { type: 'local-exec', when: 'destroy', command: c.destroy },
      ],
    });
  }

  protected synthesizeAttributes(): Record<string, unknown> {
    return { triggers_replace: this.c.triggersReplace };
  }
}
