import { IConstruct } from 'constructs';
import { Token } from '../../core/cdk';
import { terraformIdentifier } from '../../../src/util/names';
import { Problem, ProblemSubject } from '../../../src/validation/errors';
import { Check, found } from '../../../src/validation/props';

/**
 * Maps a problem of `validateMatchbox` (path = the server, `subject` = the profile or group,
 * property as written in its props: `kernel`, `selector.mac`...) to the construct that declared
 * the object. A problem without subject, or whose object `find` does not know, keeps the server's
 * path and names the object in the property (`profiles[id].kernel`).
 */
export function remapProblem(p: Problem, find: (subject: ProblemSubject) => IConstruct | undefined): Problem {
  if (!p.subject) return p;
  const owner = find(p.subject);
  if (!owner) return { ...p, property: `${p.subject.kind}s[${p.subject.id}].${p.property}` };
  return { ...p, path: owner.node.path };
}

/** The checks that the props (but `skip`) contain no Terraform tokens (references, variables) anywhere inside; a problem shows the token. */
export function literalChecks(props: object, skip: readonly string[]): Check[] {
  return Object.entries(props)
    .filter(([property]) => !skip.includes(property))
    .map(([property, value]) => {
      const token = findToken(value);
      return found(
        property,
        token ?? value,
        token === undefined
          ? undefined
          : {
              reason:
                'Matchbox data is rendered and checked at synth, so it cannot contain Terraform references or variables',
              fix: 'pass literal values (read files or environment variables in your cdktf program instead)',
            },
      );
    });
}

function findToken(value: unknown): string | undefined {
  if (typeof value === 'string') return Token.isUnresolved(value) ? value : undefined;
  if (Array.isArray(value)) return value.map(findToken).find((x) => x !== undefined);
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const t = findToken(k) ?? findToken(v);
      if (t !== undefined) return t;
    }
  }
  return undefined;
}

/** A Terraform-identifier-safe version of a construct path below its stack, for output names. */
export function outputPrefix(c: IConstruct): string {
  const parts = c.node.scopes
    .slice(1)
    .map((s) => s.node.id)
    .filter((x) => x);
  return terraformIdentifier(parts.slice(1).join('_')) || 'matchbox';
}
