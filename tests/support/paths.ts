import path from "node:path";

export const ROOT = path.resolve(import.meta.dirname, "../..");
export const TMP_DIR = path.join(ROOT, "tests/.tmp");
export const BASE_DATABASE = path.join(TMP_DIR, "base.sqlite");
