import { shq } from '../shell/quote';
import { Problem, ValidationError } from '../validation/errors';
import { nulByteProblem } from '../validation/nul';
import { stringTokens } from '../util/tokens';
import { IgnitionFileSpec, IgnitionUnitSpec } from './types';

/** Which installer the live PXE system runs. */
export type InstallFlavor = 'flatcar' | 'fcos';

/** The install-to-disk pattern: fetch the second-stage Ignition, install, reboot. */
export interface InstallToDiskSpec {
  /** `flatcar` runs `flatcar-install`, `fcos` runs `coreos-installer install`. */
  readonly flavor: InstallFlavor;
  /** Target disk. @default '/dev/sda' */
  readonly device?: string;
  /**
   * URL of the Ignition config for the installed system. Go template actions are kept for Matchbox
   * to fill in, percent-encoded by `urlquery` in the script's `data:` URL; the value a group gives
   * must hold no space (`urlquery` writes `+`) and no `'` (the URL is single-quoted in the script).
   * @default '{{.ignition_endpoint}}?os=installed'
   */
  readonly ignitionUrl?: string;
  /** Flatcar channel (`-C`). Ignored for fcos. @default 'stable' */
  readonly channel?: string;
  /**
   * Name of an optional template variable holding a Flatcar image mirror (`-b`), as seed 003's
   * `{{if index . "baseurl"}}-b {{.baseurl}}{{end}}`. Ignored for fcos. @default none
   */
  readonly baseUrlVariable?: string;
  /** Installer script path. @default '/opt/installer' */
  readonly scriptPath?: string;
  /** Unit that runs the script. @default 'installer.service' */
  readonly unitName?: string;
}

/** A unit plus the script it runs, to merge into an {@link IgnitionSpec}. */
export interface InstallToDiskParts {
  readonly units: IgnitionUnitSpec[];
  readonly files: IgnitionFileSpec[];
}

/** Quotes a word for the shell unless it contains template actions, which go in single quotes unexpanded. */
function word(text: string): string {
  return text.includes('{{') ? `'${text}'` : shq(text);
}

/**
 * Problems with the props, reported against `path`: a templated `ignitionUrl` goes into the
 * script in single quotes (so that Matchbox fills the actions in), which a quote would end;
 * `baseUrlVariable` becomes `{{.NAME}}`; no value may hold a NUL byte.
 */
export function checkInstallToDisk(props: InstallToDiskSpec, path = 'installToDisk'): Problem[] {
  const nul = nulByteProblem(path, props, '');
  if (nul) return [nul];
  const problems: Problem[] = [];
  const url = props.ignitionUrl;
  if (url !== undefined && url.includes('{{') && url.includes("'")) {
    problems.push({
      path,
      property: 'ignitionUrl',
      value: url,
      reason: 'a URL with template actions is put in the script in single quotes, which a single quote would end',
      fix: 'percent-encode the quote as %27 (or build the URL without {{...}})',
    });
  }
  const variable = props.baseUrlVariable;
  if (variable !== undefined && !/^[A-Za-z_][A-Za-z0-9_]*$/.test(variable)) {
    problems.push({
      path,
      property: 'baseUrlVariable',
      value: variable,
      reason: 'not a template variable name',
      fix: 'use letters, digits and "_", such as baseurl',
    });
  }
  return problems;
}

/** Marks the installer file with the props it was made from (not enumerable: not part of the Ignition data). */
const INSTALL_SPEC = Symbol.for('cdktf-lxd-matchbox.installToDisk');

/** The props an installer file of {@link installToDisk} was made from, so checks of the config it lands in report them. */
export function installSpecOf(file: IgnitionFileSpec): InstallToDiskSpec | undefined {
  return (file as { [INSTALL_SPEC]?: InstallToDiskSpec })[INSTALL_SPEC];
}

/**
 * The install-to-disk unit and script of seed 003 (`installer.service` running `/opt/installer`),
 * for current Flatcar (`flatcar-install`) or Fedora CoreOS (`coreos-installer`).
 * The props are checked ({@link checkInstallToDisk}) where the parts are used: a `MatchboxProfile`
 * reports a problem with its own construct path, `renderIgnition` with its `path`. With `path`,
 * this function throws a ValidationError reported against it at once instead.
 */
export function installToDisk(props: InstallToDiskSpec, path?: string): InstallToDiskParts {
  props = stringTokens(props);
  if (path !== undefined) {
    const problems = checkInstallToDisk(props, path);
    if (problems.length > 0) throw new ValidationError(problems);
  }
  const spec = props;
  // A NUL byte is reported where the parts are used (see installSpecOf); the script is built without it.
  props = Object.fromEntries(
    Object.entries(props).map(([k, v]) => [k, typeof v === 'string' ? v.replace(/\0/g, '') : v]),
  ) as unknown as InstallToDiskSpec;
  const device = props.device ?? '/dev/sda';
  const url = props.ignitionUrl ?? '{{.ignition_endpoint}}?os=installed';
  const script = props.scriptPath ?? '/opt/installer';
  const variable = props.baseUrlVariable;
  const install =
    props.flavor === 'flatcar'
      ? [
          `flatcar-install -d ${shq(device)} -C ${shq(props.channel ?? 'stable')} -i ignition.json`,
          variable ? ` {{if index . \`${variable}\`}}-b '{{.${variable}}}'{{end}}` : '',
        ].join('')
      : `coreos-installer install ${shq(device)} --ignition-file ignition.json`;
  const contents = [
    '#!/bin/bash -ex',
    `curl --fail --retry 10 ${word(url)} -o ignition.json`,
    install,
    'udevadm settle',
    'systemctl reboot',
    '',
  ].join('\n');
  const unit = [
    '[Unit]',
    'Requires=network-online.target',
    'After=network-online.target',
    '[Service]',
    'Type=simple',
    `ExecStart=${script}`,
    '[Install]',
    'WantedBy=multi-user.target',
    '',
  ].join('\n');
  const file: IgnitionFileSpec = { path: script, mode: 0o500, contents };
  Object.defineProperty(file, INSTALL_SPEC, { value: { ...spec }, enumerable: false });
  return {
    units: [{ name: props.unitName ?? 'installer.service', enabled: true, contents: unit }],
    files: [file],
  };
}
