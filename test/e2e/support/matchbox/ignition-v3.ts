/**
 * What Matchbox v0.10/v0.11 do with a raw `.ign` file on `/ignition`: Ignition's
 * `ParseCompatibleVersion` of config/v3_3 or v3_4 (any spec 3.0.0 up to that one), then Go's
 * `json.Marshal` of the resulting `types.Config`. So the machine gets the config translated to the
 * newest spec, every struct field written (empty objects included), fields in the Go structs' order,
 * and `<`, `>`, `&` escaped. A config that does not parse becomes the zero `types.Config`.
 *
 * The table follows config/v3_4/types/schema.go in coreos/ignition (field order = JSON order; a
 * struct is always written, a pointer or slice only when set). Storage's disks, filesystems, luks
 * and raid are not modelled: a config with them is a {@link StandInLimit}. Not modelled either:
 * Go's case-insensitive key matching, and Ignition's validation beyond absolute and unique paths.
 */
import { StandInLimit } from './go-template';

type Field = readonly [json: string, type: string];

const NODE: Field[] = [
  ['group', 'NodeGroup'],
  ['overwrite', '*bool'],
  ['path', 'string'],
  ['user', 'NodeUser'],
];
const TYPES: Record<string, readonly Field[]> = {
  Config: [
    ['ignition', 'Ignition'],
    ['kernelArguments', 'KernelArguments'],
    ['passwd', 'Passwd'],
    ['storage', 'Storage'],
    ['systemd', 'Systemd'],
  ],
  Ignition: [
    ['config', 'IgnitionConfig'],
    ['proxy', 'Proxy'],
    ['security', 'Security'],
    ['timeouts', 'Timeouts'],
    ['version', 'string'],
  ],
  IgnitionConfig: [
    ['merge', '[]Resource'],
    ['replace', 'Resource'],
  ],
  Resource: [
    ['compression', '*string'],
    ['httpHeaders', '[]HTTPHeader'],
    ['source', '*string'],
    ['verification', 'Verification'],
  ],
  HTTPHeader: [
    ['name', 'string'],
    ['value', '*string'],
  ],
  Verification: [['hash', '*string']],
  Proxy: [
    ['httpProxy', '*string'],
    ['httpsProxy', '*string'],
    ['noProxy', '[]string'],
  ],
  Security: [['tls', 'TLS']],
  TLS: [['certificateAuthorities', '[]Resource']],
  Timeouts: [
    ['httpResponseHeaders', '*int'],
    ['httpTotal', '*int'],
  ],
  KernelArguments: [
    ['shouldExist', '[]string'],
    ['shouldNotExist', '[]string'],
  ],
  Passwd: [
    ['groups', '[]PasswdGroup'],
    ['users', '[]PasswdUser'],
  ],
  PasswdGroup: [
    ['gid', '*int'],
    ['name', 'string'],
    ['passwordHash', '*string'],
    ['shouldExist', '*bool'],
    ['system', '*bool'],
  ],
  PasswdUser: [
    ['gecos', '*string'],
    ['groups', '[]string'],
    ['homeDir', '*string'],
    ['name', 'string'],
    ['noCreateHome', '*bool'],
    ['noLogInit', '*bool'],
    ['noUserGroup', '*bool'],
    ['passwordHash', '*string'],
    ['primaryGroup', '*string'],
    ['sshAuthorizedKeys', '[]string'],
    ['shell', '*string'],
    ['shouldExist', '*bool'],
    ['system', '*bool'],
    ['uid', '*int'],
  ],
  Storage: [
    ['directories', '[]Directory'],
    ['disks', 'unmodelled'],
    ['files', '[]File'],
    ['filesystems', 'unmodelled'],
    ['links', '[]Link'],
    ['luks', 'unmodelled'],
    ['raid', 'unmodelled'],
  ],
  NodeGroup: [
    ['id', '*int'],
    ['name', '*string'],
  ],
  NodeUser: [
    ['id', '*int'],
    ['name', '*string'],
  ],
  File: [...NODE, ['append', '[]Resource'], ['contents', 'Resource'], ['mode', '*int']],
  Directory: [...NODE, ['mode', '*int']],
  Link: [...NODE, ['hard', '*bool'], ['target', '*string']],
  Systemd: [['units', '[]Unit']],
  Unit: [
    ['contents', '*string'],
    ['dropins', '[]Dropin'],
    ['enabled', '*bool'],
    ['mask', '*bool'],
    ['name', 'string'],
  ],
  Dropin: [
    ['contents', '*string'],
    ['name', 'string'],
  ],
};

class ParseError extends Error {}

/** The JSON value Go writes for `input` decoded into `type` (undefined: the field is left out). */
function encode(type: string, input: unknown, at: string): unknown {
  if (type === 'unmodelled') {
    if (input !== undefined && input !== null) throw new StandInLimit(`not modelled: ${at}`);
    return undefined;
  }
  const scalar = type.replace(/^\*/, '');
  if (scalar === 'string' || scalar === 'int' || scalar === 'bool') {
    if (input === undefined || input === null) return type === 'string' ? '' : undefined;
    const ok =
      scalar === 'string'
        ? typeof input === 'string'
        : scalar === 'bool'
          ? typeof input === 'boolean'
          : Number.isInteger(input);
    if (!ok) throw new ParseError(`${at}: cannot unmarshal ${JSON.stringify(input)} into ${scalar}`);
    return input;
  }
  if (type.startsWith('[]')) {
    if (input === undefined || input === null) return undefined;
    if (!Array.isArray(input)) throw new ParseError(`${at}: not an array`);
    return input.length ? input.map((x, i) => encode(type.slice(2), x, `${at}[${i}]`)) : undefined;
  }
  if (input !== undefined && input !== null && (typeof input !== 'object' || Array.isArray(input)))
    throw new ParseError(`${at}: not an object`);
  const o = (input ?? {}) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [json, fieldType] of TYPES[type]) {
    const v = encode(fieldType, o[json], `${at}.${json}`);
    if (v !== undefined) out[json] = v;
  }
  return out;
}

/** Go's `json.Marshal` string escaping on top of JSON.stringify: `<`, `>`, `&`, U+2028, U+2029. */
export function goJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/**
 * The body Matchbox v0.10 (`spec` 3.3.0) or v0.11 (3.4.0) serves for a raw `.ign` file:
 * the parsed config re-serialized, or the zero config when it does not parse.
 */
export function reserializeIgnition(contents: string, spec: '3.3.0' | '3.4.0'): string {
  const accepted = ['3.0.0', '3.1.0', '3.2.0', '3.3.0', '3.4.0'].filter((v) => v <= spec);
  try {
    let parsed: unknown;
    try {
      parsed = JSON.parse(contents);
    } catch (e) {
      throw new ParseError(String(e));
    }
    const version = (parsed as { ignition?: { version?: unknown } } | null)?.ignition?.version;
    if (typeof version !== 'string' || !accepted.includes(version))
      throw new ParseError(`unsupported config version ${String(version)}`);
    const config = encode('Config', parsed, '$') as {
      ignition: { version: string };
      storage: Record<string, { path: string }[] | undefined>;
    };
    const paths = ['directories', 'files', 'links'].flatMap((k) => (config.storage[k] ?? []).map((n) => n.path));
    if (paths.some((p, i) => !p.startsWith('/') || paths.indexOf(p) !== i))
      throw new ParseError('relative or duplicate storage path');
    config.ignition.version = spec;
    return goJson(config);
  } catch (e) {
    if (!(e instanceof ParseError)) throw e;
    return goJson(encode('Config', {}, '$'));
  }
}
