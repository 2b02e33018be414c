/**
 * Kubernetes names in scenario files, with apimachinery's rules (IsDNS1123Label, IsDNS1123Subdomain,
 * IsQualifiedName, IsValidLabelValue): object names, namespaces, label keys and values, finalizers,
 * and the two modelled kinds.
 *
 * Lengths are checked before the regular expressions, so hostile input cannot make them slow; label
 * keys `__proto__`, `constructor` and `prototype` are refused (FORBIDDEN_KEYS).
 */
import { LIMITS } from '../../engine/model/defaults';
import { KINDS, type Kind } from '../../engine/model/objects';
import { describeValue, quote } from '../duration';
import { type Ctx, FORBIDDEN_KEYS, isRecord, type Path, report } from './core';

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const QUALIFIED_NAME_PART = /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;

function isSubdomain(s: string): boolean {
  return s.length >= 1 && s.length <= 253 && DNS1123_SUBDOMAIN.test(s);
}
function isLabel(s: string): boolean {
  return s.length >= 1 && s.length <= 63 && DNS1123_LABEL.test(s);
}
function isQualifiedName(s: string): boolean {
  const slash = s.indexOf('/');
  const name = slash < 0 ? s : s.slice(slash + 1);
  if (slash >= 0 && !isSubdomain(s.slice(0, slash))) return false;
  return name.length >= 1 && name.length <= 63 && QUALIFIED_NAME_PART.test(name);
}
function isLabelValue(s: string): boolean {
  return s === '' || (s.length <= 63 && QUALIFIED_NAME_PART.test(s));
}

/** A kind of name: its test, the rule in words for the message, and an example for "is required". */
export interface NameRule {
  readonly valid: (s: string) => boolean;
  readonly rule: string;
  readonly example: string;
}

/** Object names (DNS-1123 subdomain). */
export const OBJECT_NAME: NameRule = {
  valid: isSubdomain,
  rule: "is not a valid Kubernetes name (lowercase RFC 1123: a-z, 0-9, '-' and '.', starting and ending with a letter or digit, at most 253 characters)",
  example: 'a lowercase name like example-foo',
};
/** Namespaces, scenario names and lesson ids (DNS-1123 label). */
export const LABEL_NAME: NameRule = {
  valid: isLabel,
  rule: "is not a valid name (lowercase RFC 1123 label: a-z, 0-9 and '-', starting and ending with a letter or digit, at most 63 characters)",
  example: 'a lowercase name like my-scenario',
};
/** Label keys and finalizers. */
export const QUALIFIED_NAME: NameRule = {
  valid: isQualifiedName,
  rule: "is not a valid qualified name (an optional DNS prefix and '/', then at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit)",
  example: 'a name like example.com/cleanup',
};

/** A name following `r`; `def` when absent (undefined = required). */
export function readName(ctx: Ctx, v: unknown, path: Path, r: NameRule, def?: string): string {
  if (v === undefined) {
    if (def === undefined) report(ctx, path, `is required (${r.example})`);
    return def ?? '';
  }
  if (typeof v !== 'string') {
    report(ctx, path, `must be a string, got ${describeValue(v)}`);
    return def ?? '';
  }
  if (!r.valid(v)) report(ctx, path, `${quote(v)} ${r.rule}`);
  return v;
}

function isKind(v: unknown): v is Kind {
  return (KINDS as readonly unknown[]).includes(v);
}

export function readKind(ctx: Ctx, v: unknown, path: Path): Kind | undefined {
  if (v === undefined) {
    report(ctx, path, `is required (${KINDS.join(' or ')})`);
    return undefined;
  }
  if (isKind(v)) return v;
  report(ctx, path, `unknown kind ${describeValue(v)}; expected ${KINDS.join(' or ')}`);
  return undefined;
}

export function readLabels(ctx: Ctx, v: unknown, path: Path): Record<string, string> {
  const out: Record<string, string> = {};
  if (v === undefined) return out;
  if (!isRecord(v)) {
    report(ctx, path, `must be a map of label keys to string values, got ${describeValue(v)}`);
    return out;
  }
  const keys = Object.keys(v);
  if (keys.length > LIMITS.labels) {
    report(ctx, path, `has too many labels (${keys.length}; at most ${LIMITS.labels})`);
    return out;
  }
  for (const key of keys) {
    const p = [...path, key];
    if (FORBIDDEN_KEYS.has(key)) {
      report(ctx, p, `${quote(key)} is not allowed as a label key`);
      continue;
    }
    if (!isQualifiedName(key)) report(ctx, p, `label key ${quote(key)} ${QUALIFIED_NAME.rule}`);
    const val = v[key];
    if (typeof val !== 'string') {
      report(ctx, p, `label value must be a string (quote numbers and booleans), got ${describeValue(val)}`);
    } else if (!isLabelValue(val)) {
      report(
        ctx,
        p,
        `label value ${quote(val)} is not valid (empty, or at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit)`,
      );
    } else {
      out[key] = val;
    }
  }
  return out;
}

export function readFinalizers(ctx: Ctx, v: unknown, path: Path): string[] {
  if (v === undefined) return [];
  if (!Array.isArray(v)) {
    report(ctx, path, `must be a list of finalizer names, got ${describeValue(v)}`);
    return [];
  }
  if (v.length > LIMITS.finalizers) {
    report(ctx, path, `has too many finalizers (${v.length}; at most ${LIMITS.finalizers})`);
    return [];
  }
  const out: string[] = [];
  v.forEach((f: unknown, i) => {
    const name = readName(ctx, f === null ? undefined : f, [...path, i], QUALIFIED_NAME);
    if (out.includes(name)) report(ctx, [...path, i], `finalizer ${quote(name)} is listed twice`);
    out.push(name);
  });
  return out;
}
