// The storefront page's form (and the dashboard's one-button "pause sales" POST), parsed with zod.
// Errors come back per field, with what was typed, so a mistake never costs the merchant their input.
import { z } from "zod";
import { localInputToInstant } from "./storefront-mode";

const blankToUndefined = (value: unknown) =>
  typeof value === "string" && value.trim() === "" ? undefined : value;
const optionalText = z.preprocess(
  blankToUndefined,
  z.string().trim().max(280, "Keep the message under 280 characters.").optional(),
);
const dayCount = (label: string) =>
  z.preprocess(
    (value) => (blankToUndefined(value) === undefined ? undefined : Number(value)),
    z
      .number({
        required_error: `Enter the ${label}.`,
        invalid_type_error: `Enter the ${label} as a number.`,
      })
      .int(`Enter the ${label} as a whole number.`)
      .min(1, `The ${label} must be at least 1.`)
      .max(365, `The ${label} must be 365 or less.`),
  );
const source = z.enum(["storefront", "dashboard"]).default("storefront");
// An HTML checkbox posts "on" when ticked and nothing when not.
const checkbox = z.preprocess((value) => value === "on" || value === "true", z.boolean());
const overrideReason = z.preprocess(
  blankToUndefined,
  z.string().trim().max(280, "Keep the reason under 280 characters.").optional(),
);

const formSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("normal"), source }),
  z.object({ intent: z.literal("resume"), source }),
  // (max ≥ min is checked after parsing: a discriminated union cannot hold a refined member.)
  z.object({
    intent: z.literal("delayed"),
    source,
    estimateMin: dayCount("shortest wait"),
    estimateMax: dayCount("longest wait"),
    estimateUnit: z.enum(["days", "weeks"], { message: "Choose days or weeks." }),
    message: optionalText,
    // Showing a shorter wait than the forecast needs both a tick and a reason (they are logged).
    override: checkbox,
    overrideReason,
  }),
  z.object({
    intent: z.literal("paused"),
    source,
    until: z.preprocess(
      blankToUndefined,
      z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "Enter a date and time.")
        .optional(),
    ),
    message: optionalText,
  }),
]);

export type ModeChangeRequest =
  | { intent: "normal" | "resume"; source: "storefront" | "dashboard" }
  | {
      intent: "delayed";
      source: "storefront" | "dashboard";
      estimate: { min: number; max: number; unit: "days" | "weeks" };
      message: string | null;
      /** The merchant's reason for showing less than the forecast; null = no override asked. */
      overrideReason: string | null;
    }
  | {
      intent: "paused";
      source: "storefront" | "dashboard";
      pausedUntil: Date | null;
      message: string | null;
    };

export type FieldErrors = Partial<
  Record<
    | "intent"
    | "estimateMin"
    | "estimateMax"
    | "estimateUnit"
    | "until"
    | "message"
    | "overrideReason",
    string
  >
>;

export type ParsedModeForm =
  | { ok: true; request: ModeChangeRequest }
  | { ok: false; errors: FieldErrors; values: Record<string, string> };

const FIELD_NAMES = [
  "intent",
  "estimateMin",
  "estimateMax",
  "estimateUnit",
  "until",
  "message",
  "overrideReason",
] as const;

function isFieldName(name: unknown): name is keyof FieldErrors {
  return FIELD_NAMES.some((known) => known === name);
}

/** Parses the posted form; `until` is read in the shop's zone and must lie in the future. */
export function parseModeForm(form: FormData, timeZone: string, now: Date): ParsedModeForm {
  const values: Record<string, string> = {};
  for (const [key, value] of form.entries()) if (typeof value === "string") values[key] = value;
  const parsed = formSchema.safeParse(values);
  if (!parsed.success) {
    const errors: FieldErrors = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] ?? "intent";
      const name = isFieldName(field) ? field : "intent";
      errors[name] ??=
        name === "intent" && issue.code === "invalid_union_discriminator"
          ? "Choose normal, delayed or paused."
          : issue.message;
    }
    return { ok: false, errors, values };
  }
  const form_ = parsed.data;
  switch (form_.intent) {
    case "normal":
    case "resume":
      return { ok: true, request: { intent: form_.intent, source: form_.source } };
    case "delayed":
      if (form_.estimateMax < form_.estimateMin)
        return {
          ok: false,
          errors: { estimateMax: "The longest wait must be at least the shortest." },
          values,
        };
      if (form_.override && !form_.overrideReason)
        return {
          ok: false,
          errors: {
            overrideReason:
              "Say why you are showing a shorter wait than the forecast; the reason is logged.",
          },
          values,
        };
      return {
        ok: true,
        request: {
          intent: "delayed",
          source: form_.source,
          estimate: { min: form_.estimateMin, max: form_.estimateMax, unit: form_.estimateUnit },
          message: form_.message ?? null,
          overrideReason: form_.override ? (form_.overrideReason ?? null) : null,
        },
      };
    case "paused": {
      let pausedUntil: Date | null = null;
      if (form_.until) {
        pausedUntil = localInputToInstant(form_.until, timeZone);
        if (!pausedUntil)
          return {
            ok: false,
            errors: {
              until: `That time does not exist in ${timeZone} (a daylight-saving change).`,
            },
            values,
          };
        if (pausedUntil.getTime() <= now.getTime())
          return {
            ok: false,
            errors: {
              until: "Choose a time in the future, or leave it empty to pause until you resume.",
            },
            values,
          };
      }
      return {
        ok: true,
        request: {
          intent: "paused",
          source: form_.source,
          pausedUntil,
          message: form_.message ?? null,
        },
      };
    }
  }
}
