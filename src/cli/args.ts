/**
 * A small, strict argument parser: the commands have few options, and a
 * mistyped option must say so plainly rather than be ignored.
 */
import { UserFacingError } from '../core/errors';

export interface OptionSpec {
  /** Takes a value (`--sheet NAME`) or is a switch (`--json`). */
  value: boolean;
  /** Other spellings, e.g. `-o` for `--output`. */
  aliases?: string[];
}

export interface ParsedArgs {
  positional: string[];
  options: Map<string, string | true>;
  /** Every value given for each option, in order (for options that may be repeated, e.g. --date-order). */
  values: Map<string, string[]>;
}

export function parseArgs(argv: string[], spec: Record<string, OptionSpec>): ParsedArgs {
  const byName = new Map<string, string>();
  for (const [name, s] of Object.entries(spec)) {
    byName.set(`--${name}`, name);
    for (const alias of s.aliases ?? []) byName.set(alias, name);
  }
  const positional: string[] = [];
  const options = new Map<string, string | true>();
  const values = new Map<string, string[]>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    const name = byName.get(flag);
    if (!name) throw new UserFacingError('usage', `Unknown option ${flag}.`);
    if (spec[name].value) {
      const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined || (eq < 0 && value.startsWith('--'))) {
        throw new UserFacingError('usage', `${flag} needs a value.`);
      }
      options.set(name, value);
      values.set(name, [...(values.get(name) ?? []), value]);
    } else {
      if (eq > 0) throw new UserFacingError('usage', `${flag} takes no value.`);
      options.set(name, true);
    }
  }
  return { positional, options, values };
}

export function stringOption(args: ParsedArgs, name: string): string | undefined {
  const v = args.options.get(name);
  return typeof v === 'string' ? v : undefined;
}

export function intOption(args: ParsedArgs, name: string): number | undefined {
  const v = stringOption(args, name);
  if (v === undefined) return undefined;
  if (!/^\d+$/.test(v)) throw new UserFacingError('usage', `--${name} takes a whole number, not "${v}".`);
  return Number(v);
}
