// The one way a page binds a form to Polaris fields (docs/architecture.md, "A page"). The form's
// values live in one state object, typed by the area's form values; each field takes its props
// from `field(name)`, and rows of a list from `row(group, i, name)`, so name (what the action
// reads), value, change handler and the action's error for that name always agree. The action
// answers bad input with the values as typed and an error per field name (app/forms/form-result.ts);
// the page starts from those, so nothing typed is lost.
import { useState } from "react";

/** Field errors by form name (`senderName`, `closures.0.from`), as the action returns them. */
export type FieldErrors = Partial<Record<string, string>>;

type Row = Record<string, string>;

/** What a TextField or Select takes to hold one named string value. */
export interface FieldProps {
  name: string;
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
}
type KeysOf<V, T> = { [K in keyof V]: V[K] extends T ? K : never }[keyof V] & string;

export interface FormFields<V> {
  values: V;
  errors: FieldErrors;
  set<K extends keyof V>(key: K, value: V[K]): void;
  /** Props for a TextField or Select holding one string value. */
  field(key: KeysOf<V, string>): FieldProps;
  /** Props for a Checkbox holding one boolean value (submitted as "on"). */
  checkbox(key: KeysOf<V, boolean>): {
    name: string;
    value: "on";
    checked: boolean;
    onChange: (checked: boolean) => void;
  };
  /** Props for the `name` field of row `index` in the list `group` (`group.index.name`). */
  row(group: KeysOf<V, readonly object[]>, index: number, name: string): FieldProps;
  /** Puts every field back to `to` (a form's reset: App Bridge's save bar "Discard"). */
  reset(to: V): void;
  addRow(group: KeysOf<V, readonly object[]>, blank: Row): void;
  removeRow(group: KeysOf<V, readonly object[]>, index: number): void;
}

/** One property of the form's values, read without knowing its type. */
const read = (values: object, key: string): unknown => Reflect.get(values, key);

function rowsOf(value: unknown): Row[] {
  if (!Array.isArray(value)) return [];
  return value.map((row: unknown) =>
    typeof row === "object" && row !== null
      ? Object.fromEntries(Object.entries(row).map(([k, v]) => [k, String(v)]))
      : {},
  );
}

export function useFormFields<V extends object>(
  initial: V,
  errors: FieldErrors = {},
): FormFields<V> {
  const [values, setValues] = useState<V>(initial);
  const put = (key: string, value: unknown) => setValues((v) => ({ ...v, [key]: value }));
  const setRows = (group: string, change: (rows: Row[]) => Row[]) =>
    setValues((v) => ({ ...v, [group]: change(rowsOf(read(v, group))) }));
  return {
    values,
    errors,
    set: (key, value) => setValues((v) => ({ ...v, [key]: value })),
    field: (key) => ({
      name: key,
      value: String(read(values, key) ?? ""),
      onChange: (value) => put(key, value),
      error: errors[key],
    }),
    checkbox: (key) => ({
      name: key,
      // What a browser sends for a ticked box without a value; said outright so every DOM agrees.
      value: "on",
      checked: read(values, key) === true,
      onChange: (checked) => put(key, checked),
    }),
    row: (group, index, name) => ({
      name: `${group}.${index}.${name}`,
      value: rowsOf(read(values, group))[index]?.[name] ?? "",
      onChange: (value) =>
        setRows(group, (rows) => rows.map((r, j) => (j === index ? { ...r, [name]: value } : r))),
      error: errors[`${group}.${index}.${name}`],
    }),
    reset: (to) => setValues(to),
    addRow: (group, blank) => setRows(group, (rows) => [...rows, blank]),
    removeRow: (group, index) => setRows(group, (rows) => rows.filter((_, j) => j !== index)),
  };
}
