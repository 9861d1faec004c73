// What an action answers when a form's input is bad (docs/architecture.md, "A page"): 400, the
// values as typed and one error per field name, so the page (app/forms/use-form-fields.ts) shows
// each error beside its field and loses nothing the merchant typed.
import { json } from "@remix-run/node";
import type { FieldErrors } from "./use-form-fields";

/** `extra`: what else the page reads from a refusal (`{}` for nothing). */
export function invalidForm<V, Extra extends object>(values: V, errors: FieldErrors, extra: Extra) {
  return json({ ok: false as const, values, errors, ...extra }, { status: 400 });
}
