// Turns a zod schema into Decap CMS form fields: labels from the keys, widgets from the types, required flags,
// enums, patterns with the schema's own messages, and help text from the comments beside the schema.
import { fingerprint, type SchemaDocs } from './schema-docs.ts';

export interface DecapField {
  name: string;
  label: string;
  widget: string;
  required?: boolean;
  hint?: string;
  pattern?: [string, string];
  options?: string[];
  multiple?: boolean;
  min?: number;
  max?: number;
  value_type?: 'int' | 'float';
  default?: unknown;
  fields?: DecapField[];
  field?: DecapField;
  collapsed?: boolean;
  summary?: string;
  // relation widget
  collection?: string;
  file?: string;
  value_field?: string;
  search_fields?: string[];
  display_fields?: string[];
  options_length?: number;
}

/** Where a slug field points: another collection's entries, or a list inside a file collection. */
export interface Reference {
  collection: string;
  file?: string;
  valueField: string;
  displayFields: string[];
}

export interface FieldOptions {
  docs: SchemaDocs;
  /** Dotted field path (list elements as `[]`) → what the slug refers to. */
  references?: Record<string, Reference>;
  /** Field names (anywhere) whose free text is long enough for a multi-line box. */
  longText?: ReadonlySet<string>;
}

interface Def {
  type: string;
  [key: string]: unknown;
}

const defOf = (schema: unknown): Def => (schema as { _zod: { def: Def } })._zod.def;

const ACRONYMS: Record<string, string> = { url: 'URL', id: 'ID', utm: 'UTM', ref: 'Ref', cta: 'CTA' };

/** `shortName` → "Short name", `url` → "URL". */
export function labelFor(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[\s_-]+/)
    .map((w) => ACRONYMS[w.toLowerCase()] ?? w.toLowerCase());
  const [first = '', ...rest] = words;
  return [first.charAt(0).toUpperCase() + first.slice(1), ...rest].join(' ');
}

function messageOf(check: Def): string | undefined {
  const error = check['error'];
  if (typeof error === 'function') {
    const out = (error as (issue: unknown) => unknown)({});
    if (typeof out === 'string') return out;
    if (out && typeof out === 'object' && 'message' in out) return String(out.message);
  }
  return undefined;
}

/** Peels optional, default, nullable and similar wrappers, noting what they say about the field. */
function unwrap(schema: unknown): { inner: unknown; optional: boolean; defaultValue?: unknown } {
  let inner = schema;
  let optional = false;
  let defaultValue: unknown;
  for (;;) {
    const def = defOf(inner);
    if (def.type === 'optional' || def.type === 'nullable') optional = true;
    else if (def.type === 'default' || def.type === 'prefault') {
      optional = true;
      defaultValue = def['defaultValue'];
    } else if (def.type === 'pipe') {
      inner = def['in'];
      continue;
    } else if (def.type !== 'readonly' && def.type !== 'catch') break;
    inner = def['innerType'];
  }
  return { inner, optional, ...(defaultValue !== undefined && { defaultValue }) };
}

const checksOf = (def: Def): Def[] => ((def['checks'] as unknown[] | undefined) ?? []).map((c) => defOf(c));

function stringPattern(def: Def): [string, string] | undefined {
  if (def['format'] === 'url') {
    const protocol = def['protocol'] as RegExp | undefined;
    const scheme = protocol?.source.replace(/^\^|\$$/g, '') ?? 'https?';
    return [`^${scheme}://[^\\s/]+\\.[^\\s]+$`, messageOf(def) ?? `must be an absolute ${scheme}:// URL`];
  }
  if (def['format'] === 'email')
    return ['^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$', messageOf(def) ?? 'must be an email address'];
  if (def['format'] === 'date')
    return ['^\\d{4}-\\d{2}-\\d{2}$', messageOf(def) ?? 'must be a date written YYYY-MM-DD'];
  for (const check of checksOf(def)) {
    if (check['check'] === 'string_format' && check['format'] === 'regex') {
      const pattern = check['pattern'] as RegExp;
      return [pattern.source, messageOf(check) ?? `must match ${pattern.source}`];
    }
  }
  return undefined;
}

function numberLimits(def: Def): Pick<DecapField, 'min' | 'max' | 'value_type'> {
  const out: Pick<DecapField, 'min' | 'max' | 'value_type'> = { value_type: 'float' };
  for (const check of checksOf(def)) {
    if (check['check'] === 'number_format' && String(check['format']).includes('int')) out.value_type = 'int';
    if (check['check'] === 'greater_than') out.min = Number(check['value']);
    if (check['check'] === 'less_than') out.max = Number(check['value']);
  }
  return out;
}

function minItems(def: Def): number | undefined {
  const check = checksOf(def).find((c) => c['check'] === 'min_length');
  return check ? Number(check['minimum']) : undefined;
}

const joinHint = (...parts: (string | undefined)[]) => parts.filter(Boolean).join(' ') || undefined;

function defaultHint(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (Array.isArray(value)) return value.length ? `Left empty: ${value.join(', ')}.` : undefined;
  if (typeof value === 'object' && value !== null) return undefined;
  return `Left empty: ${String(value)}.`;
}

/** Object members of a union (discriminated or not), flattened into one object's keys. */
function unionShape(def: Def): { shape: Record<string, unknown>; discriminator?: string; variants: Def[] } {
  const variants = (def['options'] as unknown[]).map((o) => defOf(unwrap(o).inner));
  const shape: Record<string, unknown> = {};
  for (const v of variants) Object.assign(shape, Object.fromEntries(Object.entries(v['shape'] as object)));
  const discriminator = def['discriminator'] as string | undefined;
  return { shape, variants, ...(discriminator && { discriminator }) };
}

export class FieldBuilder {
  private readonly options: FieldOptions;
  constructor(options: FieldOptions) {
    this.options = options;
  }

  /** The form fields for an object schema (or a union of objects), keyed under `at` for references. */
  objectFields(schema: unknown, at = ''): DecapField[] {
    const def = defOf(unwrap(schema).inner);
    if (def.type === 'union') return this.unionFields(def, at);
    const shape = def['shape'] as Record<string, unknown>;
    const docs = this.options.docs.get(fingerprint(Object.keys(shape)));
    return Object.entries(shape).map(([key, child]) =>
      this.field(key, child, at ? `${at}.${key}` : key, docs?.get(key)),
    );
  }

  private unionFields(def: Def, at: string): DecapField[] {
    const { shape, discriminator, variants } = unionShape(def);
    return Object.entries(shape).map(([key, child]) => {
      const holders = variants.filter((v) => key in (v['shape'] as object));
      const docs = holders
        .map((v) => this.options.docs.get(fingerprint(Object.keys(v['shape'] as object)))?.get(key))
        .find(Boolean);
      if (key === discriminator) {
        const values = variants.map((v) => defOf((v['shape'] as Record<string, unknown>)[key])['values']);
        return {
          name: key,
          label: labelFor(key),
          widget: 'select',
          options: values.flatMap((v) => v as string[]),
          ...(docs && { hint: docs }),
        };
      }
      const field = this.field(key, child, at ? `${at}.${key}` : key, docs);
      const only =
        discriminator && holders.length < variants.length
          ? `Only when ${labelFor(discriminator).toLowerCase()} is ${holders
              .map(
                (v) =>
                  (defOf((v['shape'] as Record<string, unknown>)[discriminator])['values'] as string[])[0],
              )
              .join(' or ')}.`
          : holders.length < variants.length
            ? 'Only for some kinds of entry; see the other fields.'
            : undefined;
      return {
        ...field,
        ...(holders.length < variants.length && { required: false }),
        ...(only && { hint: joinHint(field.hint, only)! }),
      };
    });
  }

  field(key: string, schema: unknown, at: string, doc?: string): DecapField {
    const { inner, optional, defaultValue } = unwrap(schema);
    const def = defOf(inner);
    const base: DecapField = {
      name: key,
      label: labelFor(key),
      widget: 'string',
      ...(optional && { required: false }),
    };
    const hint = joinHint(doc, optional ? defaultHint(defaultValue) : undefined);
    if (hint) base.hint = hint;
    const reference = this.options.references?.[at];
    switch (def.type) {
      case 'string': {
        if (reference) return { ...base, ...this.relation(reference, false) };
        const pattern = stringPattern(def);
        const long = this.options.longText?.has(key);
        return { ...base, widget: long ? 'text' : 'string', ...(pattern && { pattern }) };
      }
      case 'number':
        return { ...base, widget: 'number', ...numberLimits(def) };
      case 'boolean':
        return {
          ...base,
          widget: 'boolean',
          required: false,
          ...(typeof defaultValue === 'boolean' && { default: defaultValue }),
        };
      case 'enum':
        return { ...base, widget: 'select', options: Object.values(def['entries'] as object) as string[] };
      case 'literal': {
        const [value] = def['values'] as unknown[];
        return { ...base, widget: 'hidden', default: value };
      }
      case 'array':
        return this.list(base, def, at);
      case 'object':
        return { ...base, widget: 'object', collapsed: optional, fields: this.objectFields(inner, at) };
      case 'union': {
        const members = (def['options'] as unknown[]).map((o) => defOf(unwrap(o).inner));
        if (members.every((m) => m.type === 'object'))
          return { ...base, widget: 'object', collapsed: optional, fields: this.unionFields(def, at) };
        // A union of scalars (1–4 or -1): the widget of its kind; `check` holds the exact rule.
        const numeric = members.every(
          (m) =>
            m.type === 'number' ||
            (m.type === 'literal' && (m['values'] as unknown[]).every((v) => typeof v === 'number')),
        );
        return {
          ...base,
          ...(numeric ? { widget: 'number', value_type: 'int' as const } : { widget: 'string' }),
        };
      }
      case 'record': {
        // A record keyed by an enum (kindWords: drug, test…): one optional field per key.
        const keys = Object.values(defOf(def['keyType'])['entries'] as object) as string[];
        const fields = keys.map((k) => ({
          ...this.field(k, def['valueType'], `${at}.${k}`),
          required: false,
        }));
        return { ...base, widget: 'object', collapsed: true, fields };
      }
      default:
        throw new Error(`editor config: no widget for zod type "${def.type}" at ${at}`);
    }
  }

  private relation(reference: Reference, multiple: boolean): Partial<DecapField> {
    return {
      widget: 'relation',
      collection: reference.collection,
      ...(reference.file && { file: reference.file }),
      value_field: reference.valueField,
      search_fields: [
        reference.valueField,
        ...reference.displayFields.filter((f) => f !== reference.valueField),
      ],
      display_fields: reference.displayFields,
      options_length: 200,
      ...(multiple && { multiple: true }),
    };
  }

  private list(base: DecapField, def: Def, at: string): DecapField {
    const min = minItems(def);
    const element = unwrap(def['element']).inner;
    const elementDef = defOf(element);
    const limits = min !== undefined && base.required !== false ? { min } : {};
    const reference = this.options.references?.[`${at}[]`];
    if (reference) return { ...base, ...this.relation(reference, true), ...limits };
    if (elementDef.type === 'enum')
      return {
        ...base,
        widget: 'select',
        multiple: true,
        options: Object.values(elementDef['entries'] as object) as string[],
        ...limits,
      };
    if (elementDef.type === 'object' || elementDef.type === 'union') {
      const fields =
        elementDef.type === 'union'
          ? this.unionFields(elementDef, `${at}[]`)
          : this.objectFields(element, `${at}[]`);
      const first =
        fields.find((f) => ['name', 'title', 'statement', 'label', 'how'].includes(f.name)) ?? fields[0];
      return {
        ...base,
        widget: 'list',
        collapsed: true,
        ...(first && { summary: `{{fields.${first.name}}}` }),
        fields,
        ...limits,
      };
    }
    return { ...base, widget: 'list', field: this.field(base.name, element, `${at}[]`), ...limits };
  }
}
