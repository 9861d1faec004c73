// Liveness for the demo script and hosting: answers once the database responds.
import db from "../db.server";

export const loader = async () => {
  await db.$queryRaw`SELECT 1`;
  return Response.json({ ok: true });
};
