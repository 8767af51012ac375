/**
 * The structured difference between two configuration documents (SPEC §7.1), and its inverse:
 * `applyDiff(a, diffConfig(a, b))` equals `b` for any two documents, sections added later by other
 * features included. One function, used by the server (history, the delta store, restore previews)
 * and by the web (the History page).
 *
 * The document is read generically, section by section (its top-level keys):
 * - an array whose items are objects with a unique key is a keyed list: items added, removed, and
 *   changed field by field. `routes` are keyed by (interfaceAlias, destinationPrefix); every other
 *   list of objects by `name` (`ports`, and later `services`, `virtualSwitches`, …);
 * - an object (not an array) is diffed field by field (`compute`);
 * - anything else (a scalar, a list that cannot be keyed) is one value, old → new.
 * Values inside a field are compared and carried whole (a port's `dns` list, a range).
 */

// biome-ignore lint/suspicious/noExplicitAny: JSON values of any document section
type Json = any;

/** One field, old → new. `before` absent: the field was added; `after` absent: removed. */
export interface FieldChange {
  field: string;
  before?: Json;
  after?: Json;
}

/** A changed item of a keyed list: its key fields and the fields that changed. */
export interface ItemChange {
  key: Record<string, string>;
  fields: FieldChange[];
}

export interface ListDiff {
  /** The fields that identify an item (`['name']`, `['interfaceAlias', 'destinationPrefix']`). */
  keyFields: string[];
  added: Json[];
  removed: Json[];
  changed: ItemChange[];
  /** The keys of the new list in order, present only when the order is not the natural one. */
  order?: string[];
}

export interface ConfigDiff {
  /** Sections compared as one value (`name`, `sku`, a list that has no usable key). */
  values: FieldChange[];
  /** Object sections, field by field (`compute`). */
  objects: Record<string, FieldChange[]>;
  /** Keyed lists (`ports`, `routes`, …). */
  lists: Record<string, ListDiff>;
}

/** How the items of a list section are identified. */
export const LIST_KEYS: Record<string, string[]> = {
  routes: ['interfaceAlias', 'destinationPrefix'],
  // A service's name is unique in its namespace, a virtual network's on its switch (SPEC §8, §9).
  services: ['namespace', 'name'],
  virtualNetworks: ['switchName', 'name'],
};
const DEFAULT_KEY = ['name'];

function isObject(value: unknown): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Deep equality of JSON values (object key order does not matter). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((v, i) => jsonEqual(v, bb[i]));
  }
  // Allocation-free: this runs once per item of every keyed list (10,000 routes).
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  let count = 0;
  for (const k in ao) {
    if (ao[k] === undefined) continue;
    count++;
    if (!Object.hasOwn(bo, k) || !jsonEqual(ao[k], bo[k])) return false;
  }
  for (const k in bo) if (bo[k] !== undefined) count--;
  return count === 0;
}

function clone<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

/** The item's key: its key fields' values, each prefixed by its length (no collisions). */
function keyOf(item: Record<string, Json>, keyFields: string[]): string | null {
  if (keyFields.length === 1) {
    const value = item[keyFields[0] as string];
    return typeof value === 'string' ? value : null;
  }
  let key = '';
  for (const field of keyFields) {
    const value = item[field];
    if (typeof value !== 'string') return null;
    key += `${value.length}:${value}`;
  }
  return key;
}

/** The items by key, or null when some item is not an object or two share a key. */
function index(list: unknown[], keyFields: string[]): Map<string, Record<string, Json>> | null {
  const map = new Map<string, Record<string, Json>>();
  for (const item of list) {
    if (!isObject(item)) return null;
    const key = keyOf(item, keyFields);
    if (key === null || map.has(key)) return null;
    map.set(key, item);
  }
  return map;
}

function diffFields(a: Record<string, Json>, b: Record<string, Json>, skip?: string[]) {
  const changes: FieldChange[] = [];
  for (const field of Object.keys(a)) {
    if (skip?.includes(field) || a[field] === undefined) continue;
    if (!(field in b) || b[field] === undefined) changes.push({ field, before: a[field] });
    else if (!jsonEqual(a[field], b[field]))
      changes.push({ field, before: a[field], after: b[field] });
  }
  for (const field of Object.keys(b)) {
    if (skip?.includes(field) || b[field] === undefined) continue;
    if (!(field in a) || a[field] === undefined) changes.push({ field, after: b[field] });
  }
  return changes;
}

function applyFields(target: Record<string, Json>, changes: readonly FieldChange[]): void {
  for (const change of changes) {
    if ('after' in change && change.after !== undefined) target[change.field] = clone(change.after);
    else delete target[change.field];
  }
}

function diffList(a: unknown[], b: unknown[], keyFields: string[]): ListDiff | null {
  const before = index(a, keyFields);
  const after = index(b, keyFields);
  if (!before || !after) return null;
  const diff: ListDiff = { keyFields, added: [], removed: [], changed: [] };
  for (const [key, item] of before) {
    const next = after.get(key);
    if (!next) diff.removed.push(item);
    else if (next !== item && !jsonEqual(item, next)) {
      const fields = diffFields(item, next, keyFields);
      if (fields.length > 0) {
        const id: Record<string, string> = {};
        for (const f of keyFields) id[f] = item[f] as string;
        diff.changed.push({ key: id, fields });
      }
    }
  }
  for (const [key, item] of after) if (!before.has(key)) diff.added.push(item);
  // The natural order: the old items that stay, in their order, then the added ones. Checked in
  // one walk (no arrays of keys: this runs on every commit of a 10,000-route document).
  const kept = before.size - diff.removed.length;
  const olds = before.keys();
  let seen = 0;
  let natural = true;
  for (const key of after.keys()) {
    if (before.has(key)) {
      let old = olds.next();
      while (!old.done && !after.has(old.value)) old = olds.next();
      if (old.value !== key) {
        natural = false;
        break;
      }
      seen++;
    } else if (seen !== kept) {
      natural = false;
      break;
    }
  }
  if (!natural) diff.order = [...after.keys()];
  return diff;
}

function listIsEmpty(diff: ListDiff): boolean {
  return (
    diff.added.length === 0 &&
    diff.removed.length === 0 &&
    diff.changed.length === 0 &&
    diff.order === undefined
  );
}

/**
 * The difference from `a` to `b` (documents: plain JSON objects). The diff shares values with
 * `a` and `b` (no copies: diffing two 10,000-route documents stays fast); serialise it, or do not
 * mutate them while it is in use. Items the two documents share by reference are equal.
 */
export function diffConfig(a: object, b: object): ConfigDiff {
  const before = a as Record<string, Json>;
  const after = b as Record<string, Json>;
  const diff: ConfigDiff = { values: [], objects: {}, lists: {} };
  const sections = new Set([...Object.keys(before), ...Object.keys(after)]);
  for (const section of sections) {
    const x = before[section];
    const y = after[section];
    if (x === undefined && y === undefined) continue;
    if (Array.isArray(x) && Array.isArray(y)) {
      const list = diffList(x, y, LIST_KEYS[section] ?? DEFAULT_KEY);
      if (list) {
        if (!listIsEmpty(list)) diff.lists[section] = list;
        continue;
      }
    } else if (isObject(x) && isObject(y)) {
      const fields = diffFields(x, y);
      if (fields.length > 0) diff.objects[section] = fields;
      continue;
    }
    const [change] = diffFields({ [section]: x }, { [section]: y });
    if (change) diff.values.push(change);
  }
  return diff;
}

export function isEmptyDiff(diff: ConfigDiff): boolean {
  return (
    diff.values.length === 0 &&
    Object.keys(diff.objects).length === 0 &&
    Object.keys(diff.lists).length === 0
  );
}

function applyList(list: Json[], diff: Partial<ListDiff>): Json[] {
  const keyFields = diff.keyFields ?? DEFAULT_KEY;
  const removed = new Set((diff.removed ?? []).map((item) => keyOf(item, keyFields)));
  const changes = diff.changed ?? [];
  let out = list;
  if (removed.size > 0 || changes.length > 0) {
    const changed = new Map(changes.map((c) => [keyOf(c.key, keyFields), c.fields]));
    out = [];
    for (const item of list) {
      const key = keyOf(item, keyFields);
      if (removed.has(key)) continue;
      const fields = changed.get(key);
      if (fields) applyFields(item, fields);
      out.push(item);
    }
  }
  for (const item of diff.added ?? []) out.push(clone(item));
  if (diff.order) {
    const byKey = new Map(out.map((item) => [keyOf(item, keyFields), item]));
    out = diff.order.map((key) => byKey.get(key));
  }
  return out;
}

/**
 * The diff without its empty parts (what the store keeps; `applyDiff` takes either form).
 */
export function compactDiff(diff: ConfigDiff): Partial<ConfigDiff> {
  const out: Partial<ConfigDiff> = {};
  if (diff.values.length > 0) out.values = diff.values;
  if (Object.keys(diff.objects).length > 0) out.objects = diff.objects;
  const lists: Record<string, Partial<ListDiff>> = {};
  for (const [section, list] of Object.entries(diff.lists)) {
    const compact: Partial<ListDiff> = {};
    if (list.keyFields.join() !== DEFAULT_KEY.join()) compact.keyFields = list.keyFields;
    if (list.added.length > 0) compact.added = list.added;
    if (list.removed.length > 0) compact.removed = list.removed;
    if (list.changed.length > 0) compact.changed = list.changed;
    if (list.order) compact.order = list.order;
    lists[section] = compact;
  }
  if (Object.keys(lists).length > 0) out.lists = lists as Record<string, ListDiff>;
  return out;
}

/**
 * Applies `diff` to `document` IN PLACE and returns it. For callers that own their copy (the
 * store replaying a chain of deltas: appending a route costs O(1), not a copy of every route).
 */
export function applyDiffInPlace<T extends object>(document: T, diff: Partial<ConfigDiff>): T {
  const doc = document as Record<string, Json>;
  applyFields(doc, diff.values ?? []);
  for (const [section, fields] of Object.entries(diff.objects ?? {})) {
    if (!isObject(doc[section])) doc[section] = {};
    applyFields(doc[section], fields);
  }
  for (const [section, list] of Object.entries(diff.lists ?? {})) {
    const current = Array.isArray(doc[section]) ? doc[section] : [];
    const next = applyList(current, list);
    if (next !== current) doc[section] = next;
  }
  return document;
}

/** `a` with `diff` applied, as a new document (`a` is not touched). */
export function applyDiff<T extends object>(a: T, diff: Partial<ConfigDiff>): T {
  return applyDiffInPlace(clone(a), diff);
}

/** The diff that undoes `diff` (applied to its result, it gives back the original). */
export function invertDiff(a: object, diff: ConfigDiff): ConfigDiff {
  return diffConfig(applyDiff(a, diff), a);
}
